/**
 * assistant-ui's thread on its own local runtime, `useLocalRuntime(agentCoreModelAdapter(...))`,
 * in Chromium against the AgentCore Runtime emulator's AG-UI agent through a real presign
 * backend (test/adapters/emulator-stack.ts): streaming with a tool call, Stop, a dropped socket
 * and a 1008 close mid-answer. One assistant message per turn holds the agent's two texts and
 * the tool call between them.
 */
import { AssistantRuntimeProvider, useLocalRuntime } from "@assistant-ui/react";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode, useCallback, useSyncExternalStore } from "react";
import { agentCoreModelAdapter, type AgentCoreModelAdapter } from "../../src/assistant-ui";
import { connectionBannerKind } from "../../src/react/components/behaviour/use-connection-banner";
import { adapterReply } from "./adapter-reply";
import {
  assistantMessages,
  ask,
  codec,
  control,
  countingProvider,
  sentMessages,
  transcript,
} from "./assistant-ui-page";
import { Thread } from "./assistant-ui-thread";

/** The connection's status kind, and each one it went through. */
function ConnectionKind({ adapter, kinds }: { adapter: AgentCoreModelAdapter; kinds: string[] }) {
  const { connection } = adapter;
  const subscribe = useCallback(
    (listener: () => void) => connection.subscribe(listener),
    [connection],
  );
  const snapshot = useSyncExternalStore(subscribe, () => connection.getSnapshot());
  const kind = connectionBannerKind(snapshot) ?? "ok";
  if (kinds.at(-1) !== kind) kinds.push(kind);
  return <p data-testid="status" data-kind={kind} />;
}

function App({ adapter, kinds }: { adapter: AgentCoreModelAdapter; kinds: string[] }) {
  const runtime = useLocalRuntime(adapter);
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <Thread status={<ConnectionKind adapter={adapter} kinds={kinds} />} />
    </AssistantRuntimeProvider>
  );
}

/** The text parts of the `index`-th assistant message. */
function texts(index: number): string[] {
  const message = assistantMessages()[index];
  return [...(message?.querySelectorAll('[data-part="text"]') ?? [])].map(
    (part) => part.textContent ?? "",
  );
}

/** The answer of the `index`-th turn: its last text part. */
const answer = (index: number) => texts(index).at(-1) ?? "";

let adapter: AgentCoreModelAdapter | undefined;

function start() {
  const provider = countingProvider();
  const kinds: string[] = [];
  adapter = agentCoreModelAdapter({ urlProvider: provider.urlProvider, codec });
  render(
    <StrictMode>
      <App adapter={adapter} kinds={kinds} />
    </StrictMode>,
  );
  const { connection } = adapter;
  // The presign backend binds the session id, so it is read once the connection has opened.
  return { ...provider, kinds, sessionId: () => connection.sessionId };
}

beforeEach(async () => {
  Reflect.set(globalThis, "IS_REACT_ACT_ENVIRONMENT", false);
  await control({ action: "reset" });
});
afterEach(() => {
  cleanup();
  adapter?.connection.close();
});

describe("agentCoreModelAdapter drives assistant-ui's local runtime in Chromium", () => {
  it("streams an answer with its tool call, then completes it", async () => {
    const { sessionId } = start();
    await ask("q1");

    await waitFor(() => expect(assistantMessages()[0]).toHaveAttribute("data-status", "complete"));
    expect(texts(0)).toEqual(["Let me look that up.", adapterReply(1)]);
    const tool = document.querySelector<HTMLElement>('[data-part="tool"]');
    expect(tool?.dataset).toMatchObject({
      tool: "lookup",
      args: '{"query":"q1"}',
      result: '{"found":true,"query":"q1"}',
    });
    expect(await sentMessages(sessionId())).toEqual(["Let me look that up.", adapterReply(1)]);
  });

  it("Stop sends the codec's cancel frame and ends the answer as cancelled; the next turn runs", async () => {
    const { sessionId, calls } = start();
    await ask("q1");
    await waitFor(() => expect(answer(0)).toContain("w02"));
    await userEvent.setup().click(screen.getByRole("button", { name: "Stop" }));

    await waitFor(() => expect(assistantMessages()[0]).toHaveAttribute("data-reason", "cancelled"));
    await expect
      .poll(async () => (await transcript(sessionId())).received.map(({ text }) => text))
      .toContain(JSON.stringify({ type: "cancel" }));
    const stopped = answer(0);
    expect(adapterReply(1).startsWith(stopped)).toBe(true);
    expect(stopped.length).toBeLessThan(adapterReply(1).length);

    await ask("q2");
    await waitFor(() => expect(assistantMessages()[1]).toHaveAttribute("data-status", "complete"));
    expect(answer(1)).toBe(adapterReply(2));
    expect(answer(0)).toBe(stopped);
    expect(calls).toHaveLength(1);
    expect((await transcript(sessionId())).connections).toBe(1);
  });

  it.each([
    [
      "a dropped socket (1006)",
      { action: "dropAfterFrames", frames: 30, direction: "out" },
      "reconnecting",
    ],
    [
      "a 1008 close (expired credentials)",
      { action: "closeAfterFrames", frames: 30, code: 1008, direction: "out" },
      "credentials-expired",
    ],
  ] as const)(
    "after %s mid-answer shows what arrived once, marks it as an error, and goes on",
    async (_name, fault, kind) => {
      const { sessionId, kinds } = start();
      await control(fault);
      await ask("q1");

      await waitFor(() => expect(assistantMessages()[0]).toHaveAttribute("data-reason", "error"));
      expect(assistantMessages()[0]).toHaveAttribute("data-status", "incomplete");
      const [, cut] = await sentMessages(sessionId());
      // Exactly what the agent sent before the stream broke: nothing lost, nothing twice.
      expect(answer(0)).toBe(cut);
      expect(cut && cut.length > 4 && adapterReply(1).startsWith(cut)).toBe(true);
      expect(cut?.length).toBeLessThan(adapterReply(1).length);

      await waitFor(() => expect(kinds).toContain(kind));
      await expect.poll(() => screen.getByTestId("status").dataset.kind).toBe("ok");
      await ask("q2");
      await waitFor(() =>
        expect(assistantMessages()[1]).toHaveAttribute("data-status", "complete"),
      );
      expect(answer(1)).toBe(adapterReply(2));
      expect(answer(0)).toBe(cut);
      expect((await transcript(sessionId())).connections).toBe(2);
    },
  );
});
