/**
 * The real `useChat({ resume: true })` of `@ai-sdk/react` over `agentCoreTransport` with the
 * delivery protocol and `resume` on, against the emulator forwarding to an agent container that
 * speaks the protocol. A "reload" mid-answer unmounts the chat, lets its page die (its
 * connection can reach nothing any more, as a closed tab) and mounts a new chat with a new
 * transport over the same IndexedDB storage and the messages the app kept: the answer is
 * replayed from its start, carries on, and shows whole and once.
 */
import { useChat } from "@ai-sdk/react";
import type { UIMessage } from "ai";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { StrictMode, useState } from "react";
import { inject, vi } from "vitest";
import { userEvent } from "vitest/browser";
import { agentCoreTransport, type AgentCoreChatTransport } from "../../src/ai-sdk";
import { deliveryProtocol } from "../../src/delivery";
import { indexedDbPersistence } from "../../src/persist";
import type { UrlProvider } from "../../src/providers/types";
import type { ConversationPersistence, PersistenceClaim } from "../../src/store/persistence";
import { backendUrlProvider } from "../../src/providers/backend-url-provider";

vi.setConfig({ testTimeout: 90_000 });

const stack = inject("aiSdkDeliveryStack");

beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

afterEach(() => cleanup());

/** The minimal chat, with `resume: true`; `kept` gets the messages as an app would save them. */
function Chat(props: {
  id: string;
  transport: AgentCoreChatTransport;
  messages: UIMessage[];
  kept: (messages: UIMessage[]) => void;
}) {
  const { messages, sendMessage, status } = useChat({
    id: props.id,
    transport: props.transport,
    messages: props.messages,
    resume: true,
  });
  props.kept(messages);
  const [input, setInput] = useState("");
  return (
    <>
      {messages.map((message) => (
        <div key={message.id} data-testid={message.role}>
          {message.parts.map((part, index) =>
            part.type === "text" ? <span key={index}>{part.text}</span> : null,
          )}
        </div>
      ))}
      <p data-testid="status">{status}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void sendMessage({ text: input });
          setInput("");
        }}
      >
        <input aria-label="Message" value={input} onChange={(e) => setInput(e.target.value)} />
        <button type="submit">Send</button>
      </form>
    </>
  );
}

/**
 * One page's transport; `die()` makes its connection unable to reach anything again and lets go
 * of its claim on the chat, as a page that goes away lets go of its Web Lock.
 */
function pageTransport(storage: ReturnType<typeof indexedDbPersistence>) {
  let dead = false;
  let held: PersistenceClaim | null = null;
  const pageStorage: ConversationPersistence = {
    get kind() {
      return storage.kind;
    },
    load: (key) => storage.load(key),
    save: (record) => storage.save(record),
    remove: (key) => storage.remove(key),
    claim: async (key) => (held = await storage.claim(key)),
  };
  const presign = backendUrlProvider({
    endpoint: stack.presignEndpoint,
    headers: () => ({ [stack.signIn.header]: stack.signIn.value }),
  });
  const urlProvider: UrlProvider = (context) =>
    dead ? new Promise(() => undefined) : presign(context);
  const transport = agentCoreTransport({
    urlProvider,
    delivery: deliveryProtocol(),
    resume: { storage: pageStorage },
  });
  const die = () => {
    dead = true;
    held?.release();
  };
  return { transport, die };
}

const answers = () => screen.queryAllByTestId("assistant").map((node) => node.textContent ?? "");
const questions = () => screen.queryAllByTestId("user").map((node) => node.textContent ?? "");
const status = () => screen.getByTestId("status").textContent;

/** What the agent answered on a session: its text pieces, each sequence once, in order. */
async function agentText(sessionId: string): Promise<string[]> {
  const response = await fetch(`${stack.controlUrl}/sessions/${encodeURIComponent(sessionId)}`);
  const session = (await response.json()) as { sent: Array<{ text?: string }> };
  const pieces = new Map<number, string>();
  for (const { text } of session.sent) {
    const envelope = /^(\d+):(.*)$/s.exec(text ?? "");
    if (!envelope) continue;
    const payload = JSON.parse(envelope[2] ?? "{}") as { text?: string; type?: string };
    pieces.set(Number(envelope[1]), payload.type === "done" ? "\n" : (payload.text ?? ""));
  }
  const ordered = [...pieces.entries()].sort(([a], [b]) => a - b).map(([, piece]) => piece);
  return ordered.join("").split("\n").slice(0, -1);
}

async function ask(text: string): Promise<void> {
  await userEvent.fill(screen.getByLabelText("Message"), text);
  await userEvent.click(screen.getByRole("button", { name: "Send" }));
}

describe("useChat({ resume: true }) over agentCoreTransport with delivery and resume", () => {
  it("a reload mid-answer replays the answer from its start: it shows whole, once", async () => {
    const chatId = `chat-${crypto.randomUUID()}`;
    const storage = indexedDbPersistence({ name: `ai-sdk-resume-${chatId}` });
    let kept: UIMessage[] = [];
    const keep = (messages: UIMessage[]) => (kept = messages);
    const first = pageTransport(storage);
    const mount = (transport: AgentCoreChatTransport, messages: UIMessage[]) =>
      render(
        <StrictMode>
          <Chat id={chatId} transport={transport} messages={messages} kept={keep} />
        </StrictMode>,
      );

    mount(first.transport, []);
    await ask("Keep going");
    await waitFor(() => expect(answers()[0]?.length ?? 0).toBeGreaterThan(60));
    const { sessionId } = first.transport.connection;
    // The reload: this page dies mid-answer; the app kept its messages as they were.
    first.die();
    cleanup();
    const atReload = kept;
    const partial = atReload.at(-1);
    expect(partial?.role).toBe("assistant");

    const second = pageTransport(storage);
    mount(second.transport, atReload);
    await waitFor(() => expect(status()).toBe("streaming"));
    await waitFor(() => expect(status()).toBe("ready"), { timeout: 60_000 });
    expect(second.transport.connection.sessionId).toBe(sessionId);
    expect(questions()).toEqual(["Keep going"]);
    const [answer] = await agentText(sessionId);
    expect(answer).toMatch(/^Turn 1 of this session\. You said: "Keep going"\..*for real\.$/s);
    expect(answers()).toEqual([answer]);
    expect(kept.at(-1)?.id).toBe(partial?.id);
    expect((partial?.parts.length ?? 0) > 0).toBe(true);

    // The question reached the agent once: the next one is its second turn, on the same session.
    await ask("And now?");
    await waitFor(() => expect(answers()).toHaveLength(2));
    await waitFor(() => expect(status()).toBe("ready"), { timeout: 60_000 });
    expect(answers()[1]).toMatch(/^Turn 2 of this session\. You said: "And now\?"\./);
    expect(await agentText(sessionId)).toEqual(answers());
    second.transport.connection.close();
  });
});
