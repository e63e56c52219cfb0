import { deliveryProtocol } from "../../connection/delivery-link";
import type { ChatModelRunOptions, ChatModelRunResult, ThreadMessage } from "@assistant-ui/react";
import { INTERRUPTED_ANSWER } from "../../store/conversation-binding";
import { FakeConnection } from "../../store/test-utils/fake-connection";
import { agentCoreModelAdapter, lastUserMessageText } from "./model-adapter";

function userMessage(text: string): ThreadMessage {
  return {
    id: `u-${text}`,
    role: "user",
    createdAt: new Date(0),
    content: [{ type: "text", text }],
    attachments: [],
    metadata: { custom: {} },
  } as ThreadMessage;
}

/** Runs the adapter as assistant-ui's local runtime does, recording each update it yields. */
function ask(adapter: ReturnType<typeof agentCoreModelAdapter>, text = "Hi", signal?: AbortSignal) {
  const updates: ChatModelRunResult[] = [];
  const options: ChatModelRunOptions = {
    messages: [userMessage(text)],
    abortSignal: signal ?? new AbortController().signal,
    runConfig: {},
    context: {},
    unstable_getMessage: () => userMessage(text),
  };
  const run = adapter.run(options);
  const done = (async () => {
    for await (const update of run) updates.push(update);
  })();
  return { updates, done, last: () => updates.at(-1)?.content };
}

describe("agentCoreModelAdapter", () => {
  it("connects, sends the last user text and yields the answer until its end", async () => {
    const connection = new FakeConnection();
    const adapter = agentCoreModelAdapter({ connection });
    expect(adapter.connection).toBe(connection);
    const answer = ask(adapter, "Hello?");
    expect(connection.calls).toEqual(["connect", "send"]);
    expect(connection.getSnapshot().outbox[0]?.message).toBe("Hello?");
    connection.emit({ type: "text-delta", delta: "before it was sent" });
    connection.open();
    connection.emit({ type: "text-delta", delta: "Hi " }, { type: "text-delta", delta: "there" });
    connection.emit({ type: "message-end" });
    await answer.done;
    expect(answer.last()).toEqual([{ type: "text", text: "Hi there" }]);
    // Chunks of one task come as one update.
    expect(answer.updates).toHaveLength(1);
    expect(connection.listenerCount).toBe(0);
  });

  it("yields reasoning, tool calls with their args and result, and sources, to run-finished", async () => {
    const connection = new FakeConnection();
    connection.open();
    const answer = ask(agentCoreModelAdapter({ connection }));
    connection.emit(
      { type: "run-started", runId: "r1" },
      { type: "reasoning-start", messageId: "t1" },
      { type: "reasoning-delta", messageId: "t1", delta: "thinking" },
      { type: "reasoning-end", messageId: "t1" },
      { type: "tool-call-start", toolCallId: "c1", name: "weather" },
      { type: "tool-call-args", toolCallId: "c1", delta: '{"city":' },
    );
    await expect.poll(() => answer.last()?.at(-1)).toMatchObject({ argsText: '{"city":' });
    connection.emit(
      { type: "tool-call-args", toolCallId: "c1", delta: '"Oslo"}' },
      { type: "tool-call-end", toolCallId: "c1" },
      { type: "tool-call-result", toolCallId: "c1", content: '{"temp":3}' },
      { type: "sources", sources: [{ url: "https://example.com/a", title: "A" }] },
      { type: "message-start", messageId: "m1", role: "assistant" },
      { type: "text-delta", messageId: "m1", delta: "3 degrees" },
      { type: "message-end", messageId: "m1" },
    );
    expect(answer.last()?.length).toBe(2);
    connection.emit({ type: "run-finished", runId: "r1" });
    await answer.done;
    expect(answer.last()).toEqual([
      { type: "reasoning", text: "thinking" },
      {
        type: "tool-call",
        toolCallId: "c1",
        toolName: "weather",
        args: { city: "Oslo" },
        argsText: '{"city":"Oslo"}',
        result: { temp: 3 },
      },
      {
        type: "source",
        sourceType: "url",
        id: "https://example.com/a",
        url: "https://example.com/a",
        title: "A",
      },
      { type: "text", text: "3 degrees" },
    ]);
  });

  it("keeps what arrived once and throws the interrupted-answer error when the stream breaks", async () => {
    const connection = new FakeConnection();
    connection.open();
    const answer = ask(agentCoreModelAdapter({ connection }));
    connection.emit({ type: "text-delta", delta: "partial" });
    connection.drop();
    connection.open();
    connection.emit({ type: "text-delta", delta: "not this answer's" });
    await expect(answer.done).rejects.toThrow(INTERRUPTED_ANSWER);
    expect(answer.last()).toEqual([{ type: "text", text: "partial" }]);
    expect(connection.listenerCount).toBe(0);
  });

  it("with delivery on, follows the answer across a drop, and ends it on resume-unavailable", async () => {
    const connection = new FakeConnection({ delivery: deliveryProtocol() });
    connection.open();
    const carried = ask(agentCoreModelAdapter({ connection }));
    connection.emit({ type: "text-delta", delta: "part" });
    connection.drop();
    connection.open();
    connection.emit({ type: "text-delta", delta: "ly" }, { type: "message-end" });
    await carried.done;
    expect(carried.last()).toEqual([{ type: "text", text: "partly" }]);

    const lost = ask(agentCoreModelAdapter({ connection }));
    connection.emit({ type: "text-delta", delta: "half" });
    connection.drop();
    connection.open();
    const message = "The agent restarted and lost the answer in progress.";
    connection.emit({ type: "resume-unavailable", reason: "agent-restarted", message });
    await expect(lost.done).rejects.toThrow(message);
    expect(lost.last()).toEqual([{ type: "text", text: "half" }]);
  });

  it("throws the agent's fatal error with what arrived kept", async () => {
    const connection = new FakeConnection();
    connection.open();
    const answer = ask(agentCoreModelAdapter({ connection }));
    connection.emit({ type: "text-delta", delta: "so far" });
    connection.emit({ type: "error", message: "The model failed.", fatal: true });
    await expect(answer.done).rejects.toThrow("The model failed.");
    expect(answer.last()).toEqual([{ type: "text", text: "so far" }]);
  });

  it("stops the answer on abort, returns cleanly, and keeps the stopped run out of the next", async () => {
    const connection = new FakeConnection();
    connection.open();
    const adapter = agentCoreModelAdapter({ connection });
    const abort = new AbortController();
    const first = ask(adapter, "Hi", abort.signal);
    connection.emit(
      { type: "run-started", runId: "r1" },
      { type: "text-delta", messageId: "m1", delta: "a" },
    );
    abort.abort();
    await first.done;
    expect(connection.calls).toEqual(["connect", "send", "stop"]);

    const next = ask(adapter, "Again");
    connection.emit({ type: "text-delta", messageId: "m1", delta: "leftover" });
    connection.emit({ type: "run-finished", runId: "r1", outcome: "cancelled" });
    connection.emit(
      { type: "run-started", runId: "r2" },
      { type: "text-delta", messageId: "m2", delta: "b" },
      { type: "run-finished", runId: "r2" },
    );
    await next.done;
    expect(next.last()).toEqual([{ type: "text", text: "b" }]);
  });

  it("throws when the message fails or the connection refuses it", async () => {
    const connection = new FakeConnection();
    const failed = ask(agentCoreModelAdapter({ connection }));
    connection.failEntry("out-1", new Error("The frame is too large."));
    await expect(failed.done).rejects.toThrow("The frame is too large.");
    connection.nextSendError = new Error("outbox full");
    await expect(ask(agentCoreModelAdapter({ connection })).done).rejects.toThrow("outbox full");
  });
});

describe("lastUserMessageText", () => {
  it("joins the text parts of the last user message", () => {
    expect(lastUserMessageText([userMessage("first"), userMessage("second")])).toBe("second");
    expect(lastUserMessageText([])).toBe("");
  });
});
