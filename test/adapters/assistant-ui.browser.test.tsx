/**
 * assistant-ui's thread (its primitives, as its minimal example builds them) in Chromium,
 * against the AgentCore Runtime emulator's AG-UI agent through a real presign backend
 * (test/adapters/emulator-stack.ts): streaming with a tool call, Stop, a dropped socket and a
 * 1008 close mid-answer, on `useAgentCoreRuntime` and on assistant-ui's local runtime with
 * `agentCoreModelAdapter` (one assistant message per turn, holding the agent's two texts and
 * the tool call between them). One file, so that the emulator's faults (global to it) never
 * reach the other runtime's tests.
 */
import { AssistantRuntimeProvider, useLocalRuntime } from "@assistant-ui/react";
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode, useCallback, useEffect, useSyncExternalStore } from "react";
import { vi } from "vitest";
import {
  agentCoreModelAdapter,
  useAgentCoreRuntime,
  useAgentCoreStatus,
  type AgentCoreModelAdapter,
} from "../../src/assistant-ui";
import type { UrlProvider } from "../../src/providers/types";
import {
  connectionBannerKind,
  type ConnectionBannerKind,
} from "../../src/react/components/behaviour/use-connection-banner";
import { adapterReply } from "./adapter-reply";
import {
  assistantMessages,
  ask,
  codec,
  control,
  countingProvider,
  expectCutOnce,
  MID_ANSWER_FAULTS,
  sentMessages,
  transcript,
} from "./assistant-ui-page";
import { Thread } from "./assistant-ui-thread";

// Whole conversations with faults and reconnects: the deadline only catches a hang, and a
// loaded machine needs more than 30 s.
vi.setConfig({ testTimeout: 90_000 });

interface Seen {
  kinds: (ConnectionBannerKind | null)[];
  sessionId: string;
}

/** Records each status kind shown, and the session id the presign backend bound. */
function StatusProbe({ seen }: { seen: Seen }) {
  const { kind, connection } = useAgentCoreStatus();
  useEffect(() => {
    seen.sessionId = connection.sessionId;
    seen.kinds.push(kind);
  }, [kind, connection.sessionId, seen]);
  return null;
}

function App(props: { urlProvider: UrlProvider; seen: Seen }) {
  // The one line that differs from assistant-ui's own examples.
  const runtime = useAgentCoreRuntime({ urlProvider: props.urlProvider, codec });
  return (
    <AssistantRuntimeProvider runtime={runtime}>
      <StatusProbe seen={props.seen} />
      <Thread />
    </AssistantRuntimeProvider>
  );
}

/** The text parts of the `index`-th assistant message (0: "Let me look that up.", 1: the answer). */
function answerText(index: number): string {
  const message = assistantMessages()[index];
  return [...(message?.querySelectorAll('[data-part="text"]') ?? [])]
    .map((part) => part.textContent)
    .join("");
}

function start() {
  const provider = countingProvider();
  const seen: Seen = { kinds: [], sessionId: "" };
  render(
    <StrictMode>
      <App urlProvider={provider.urlProvider} seen={seen} />
    </StrictMode>,
  );
  return { ...provider, seen };
}

async function waitForOpen(seen: Seen): Promise<void> {
  await expect.poll(() => screen.getByTestId("status").dataset.kind).toBe("ok");
  expect(seen.kinds).toContain("connecting");
}

beforeEach(async () => {
  // Real sockets and timers drive these renders; the tests wait on what the page shows.
  Reflect.set(globalThis, "IS_REACT_ACT_ENVIRONMENT", false);
  await control({ action: "reset" });
});
afterEach(cleanup);

describe("useAgentCoreRuntime drives assistant-ui's thread in Chromium", () => {
  it("streams an answer with its tool call, then completes it", async () => {
    const { seen } = start();
    await waitForOpen(seen);
    await ask("q1");

    await waitFor(() => expect(answerText(1)).toBe(adapterReply(1)));
    await waitFor(() => expect(assistantMessages()[1]).toHaveAttribute("data-status", "complete"));
    expect(answerText(0)).toBe("Let me look that up.");
    const tool = document.querySelector<HTMLElement>('[data-part="tool"]');
    expect(tool?.dataset).toMatchObject({
      tool: "lookup",
      args: '{"query":"q1"}',
      result: '{"found":true,"query":"q1"}',
    });
    expect(await sentMessages(seen.sessionId)).toEqual(["Let me look that up.", adapterReply(1)]);
  });

  it("Stop sends the codec's cancel frame and ends the answer as cancelled; the next turn runs", async () => {
    const { seen, calls } = start();
    await waitForOpen(seen);
    await ask("q1");
    await waitFor(() => expect(answerText(1)).toContain("w02"));
    await userEvent.setup().click(screen.getByRole("button", { name: "Stop" }));

    await waitFor(() => expect(assistantMessages()[1]).toHaveAttribute("data-reason", "cancelled"));
    expect(assistantMessages()[1]).toHaveAttribute("data-status", "incomplete");
    await expect
      .poll(async () => (await transcript(seen.sessionId)).received.map(({ text }) => text))
      .toContain(JSON.stringify({ type: "cancel" }));
    const stopped = answerText(1);
    expect(adapterReply(1).startsWith(stopped)).toBe(true);
    expect(stopped.length).toBeLessThan(adapterReply(1).length);

    await ask("q2");
    await waitFor(() => expect(answerText(3)).toBe(adapterReply(2)));
    expect(answerText(1)).toBe(stopped);
    // One socket under StrictMode, and the cancel frame ended the run on that same stream.
    expect(calls).toHaveLength(1);
    expect((await transcript(seen.sessionId)).connections).toBe(1);
  });

  it.each(MID_ANSWER_FAULTS)(
    "after %s mid-answer shows what arrived once, marks it incomplete, reconnects and goes on",
    async (_name, fault, kind) => {
      const { seen, calls } = start();
      await waitForOpen(seen);
      await control(fault);
      await ask("q1");

      await waitFor(() => expect(assistantMessages()[1]).toHaveAttribute("data-reason", "error"));
      expect(assistantMessages()[1]).toHaveAttribute("data-status", "incomplete");
      const cut = await expectCutOnce(answerText(1), seen.sessionId);

      await waitFor(() => expect(seen.kinds).toContain(kind));
      await waitForOpen(seen);
      // A fresh URL after 1008; after a drop the prefetched one may be reused.
      if (kind === "credentials-expired") expect(calls.length).toBeGreaterThanOrEqual(2);
      expect((await transcript(seen.sessionId)).connections).toBe(2);

      await ask("q2");
      await waitFor(() => expect(answerText(3)).toBe(adapterReply(2)));
      await waitFor(() =>
        expect(assistantMessages()[3]).toHaveAttribute("data-status", "complete"),
      );
      expect(answerText(1)).toBe(cut);
      expect(assistantMessages()).toHaveLength(4);
    },
  );
});

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

function LocalApp({ adapter, kinds }: { adapter: AgentCoreModelAdapter; kinds: string[] }) {
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

function startLocal() {
  const provider = countingProvider();
  const kinds: string[] = [];
  adapter = agentCoreModelAdapter({ urlProvider: provider.urlProvider, codec });
  render(
    <StrictMode>
      <LocalApp adapter={adapter} kinds={kinds} />
    </StrictMode>,
  );
  const { connection } = adapter;
  // The presign backend binds the session id, so it is read once the connection has opened.
  return { ...provider, kinds, sessionId: () => connection.sessionId };
}

afterEach(() => adapter?.connection.close());

describe("agentCoreModelAdapter drives assistant-ui's local runtime in Chromium", () => {
  it("streams an answer with its tool call, then completes it", async () => {
    const { sessionId } = startLocal();
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
    const { sessionId, calls } = startLocal();
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

  it.each(MID_ANSWER_FAULTS)(
    "after %s mid-answer shows what arrived once, marks it as an error, and goes on",
    async (_name, fault, kind) => {
      const { sessionId, kinds } = startLocal();
      await control(fault);
      await ask("q1");

      await waitFor(() => expect(assistantMessages()[0]).toHaveAttribute("data-reason", "error"));
      expect(assistantMessages()[0]).toHaveAttribute("data-status", "incomplete");
      const cut = await expectCutOnce(answer(0), sessionId());

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
