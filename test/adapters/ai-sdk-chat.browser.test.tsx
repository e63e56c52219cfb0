/**
 * The real `useChat` of `@ai-sdk/react`, rendered as its minimal chat example, talking to the
 * AgentCore Runtime emulator through `agentCoreTransport`: presigned by the demo's backend,
 * with faults armed through the emulator's control endpoint. What the page shows is checked
 * against what the emulator sent, so lost or repeated text fails.
 */
import { useChat } from "@ai-sdk/react";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { inject, vi } from "vitest";
import { userEvent } from "vitest/browser";
import { agentCoreTransport, type AgentCoreChatTransport } from "../../src/ai-sdk";
import { textCodec } from "../../src/codecs/text-codec";
import { backendUrlProvider } from "../../src/providers/backend-url-provider";
import { INTERRUPTED_ANSWER } from "../../src/store/conversation-binding";
import { aiSdkReply } from "./ai-sdk-reply";

// Whole conversations with faults and reconnects (and, for some, an agent process started on
// request): the deadline only catches a hang, and a loaded machine needs more than 30 s.
vi.setConfig({ testTimeout: 90_000 });

const stack = inject("aiSdkStack");

// The answers arrive from a socket, as in an app: let React schedule as it would there.
beforeAll(() => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = false;
});

/** The AI SDK's minimal chat, with the transport line changed (and the error's text shown). */
function Chat({ transport }: { transport: AgentCoreChatTransport }) {
  const { messages, sendMessage, status, stop, error } = useChat({ transport });
  const [input, setInput] = useState("");
  const busy = status === "submitted" || status === "streaming";
  return (
    <>
      {messages.map((message) => (
        <div key={message.id} data-testid={message.role}>
          {message.parts.map((part, index) =>
            part.type === "text" ? <span key={index}>{part.text}</span> : null,
          )}
        </div>
      ))}
      {busy && (
        <button type="button" onClick={() => void stop()}>
          Stop
        </button>
      )}
      {error && <div role="alert">{error.message}</div>}
      <p data-testid="status">{status}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void sendMessage({ text: input });
          setInput("");
        }}
      >
        <input aria-label="Message" value={input} onChange={(e) => setInput(e.target.value)} />
        <button type="submit" disabled={busy}>
          Send
        </button>
      </form>
    </>
  );
}

/** A new conversation (its own runtime session), counting the URLs it asks for. */
function mountChat(codec = textCodec) {
  let presigns = 0;
  const urlProvider = backendUrlProvider({
    endpoint: stack.presignEndpoint,
    headers: () => {
      presigns += 1;
      return { [stack.signIn.header]: stack.signIn.value };
    },
  });
  const transport = agentCoreTransport({ urlProvider, codec });
  render(<Chat transport={transport} />);
  return { transport, presigns: () => presigns };
}

async function ask(text: string): Promise<void> {
  await userEvent.fill(screen.getByLabelText("Message"), text);
  await userEvent.click(screen.getByRole("button", { name: "Send" }));
}

const status = () => screen.getByTestId("status").textContent;
const answers = () => screen.queryAllByTestId("assistant").map((node) => node.textContent ?? "");

async function control(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(`${stack.controlUrl}${path}`, init);
  expect(response.ok).toBe(true);
  return response.json();
}

function armFault(command: Record<string, unknown>): Promise<unknown> {
  const headers = { "content-type": "application/json" };
  return control("/faults", { method: "POST", headers, body: JSON.stringify(command) });
}

/** A session's transcript: the text frames each way. */
async function transcript(sessionId: string): Promise<{ sent: string[]; received: string[] }> {
  type Entry = { text?: string };
  const session = (await control(`/sessions/${encodeURIComponent(sessionId)}`)) as {
    sent: Entry[];
    received: Entry[];
  };
  const texts = (entries: Entry[]) => entries.flatMap((entry) => entry.text ?? []);
  return { sent: texts(session.sent), received: texts(session.received) };
}

/** The text the agent sent on a session (its JSON control frames left out). */
async function sentText(sessionId: string): Promise<string> {
  const { sent } = await transcript(sessionId);
  return sent.filter((data) => !data.startsWith("{")).join("");
}

/** Waits until the chat shows these answers and is done with the last one. */
function answered(expected: string[], settled = "ready"): Promise<void> {
  return waitFor(() => {
    expect(answers()).toEqual(expected);
    expect(status()).toBe(settled);
  });
}

afterEach(async () => {
  cleanup();
  await armFault({ action: "reset" });
});

describe("useChat over agentCoreTransport, against the emulator", () => {
  it("streams a reply, and a second one on the same session", async () => {
    const { transport } = mountChat();
    await ask("hello");
    await answered([aiSdkReply("hello", 1)]);
    await ask("again");
    await answered([aiSdkReply("hello", 1), aiSdkReply("again", 2)]);
    const { sessionId } = transport.connection;
    expect(await sentText(sessionId)).toBe(answers().join(""));
    transport.connection.close();
  });

  it("stop() sends the codec's cancel frame and ends the answer cleanly", async () => {
    const cancel = () => JSON.stringify({ type: "cancel" });
    const { transport } = mountChat({ ...textCodec, cancel });
    await ask("stop this long one");
    await waitFor(() => expect(answers()[0]?.length ?? 0).toBeGreaterThan(20));
    await userEvent.click(screen.getByRole("button", { name: "Stop" }));
    const { sessionId } = transport.connection;
    await expect.poll(async () => (await transcript(sessionId)).received).toContain(cancel());
    // The agent ends the cancelled answer at once; nothing of it follows.
    const cancelled = JSON.stringify({ type: "done", cancelled: true });
    await expect.poll(async () => (await transcript(sessionId)).sent).toContain(cancelled);
    await waitFor(() => expect(status()).toBe("ready"));
    expect(screen.queryByRole("alert")).toBeNull();
    const stopped = answers()[0] ?? "";

    await ask("next");
    // What the stopped answer showed stays as it was: nothing of it arrives later.
    await answered([stopped, aiSdkReply("next", 2)]);
    expect(aiSdkReply("stop this long one", 1).startsWith(stopped)).toBe(true);
    expect(stopped.length).toBeLessThan(aiSdkReply("stop this long one", 1).length);
    transport.connection.close();
  });

  it.each([
    ["a dropped socket", { action: "dropAfterFrames", frames: 6, direction: "out" }],
    [
      "a 1008 close (expired URL)",
      { action: "closeAfterFrames", frames: 6, code: 1008, direction: "out" },
    ],
  ])("keeps the text that arrived before %s, once, and goes on", async (_name, fault) => {
    await armFault(fault);
    const { transport, presigns } = mountChat();
    await ask("cut me");
    await screen.findByText(INTERRUPTED_ANSWER);
    const { sessionId } = transport.connection;
    const cut = answers()[0] ?? "";
    expect(cut.length).toBeGreaterThan(0);
    expect(cut).toBe(await sentText(sessionId));
    expect(status()).toBe("error");

    // The connection reconnects on its own (after a 1008 with a fresh URL); the next question
    // goes on the same session and is answered whole.
    await waitFor(() => expect(transport.connection.getSnapshot().status).toBe("open"));
    if (fault.action === "closeAfterFrames") expect(presigns()).toBeGreaterThanOrEqual(2);
    await ask("go on");
    await answered([cut, aiSdkReply("go on", 2)]);
    expect(await sentText(sessionId)).toBe(answers().join(""));
    transport.connection.close();
  });
});
