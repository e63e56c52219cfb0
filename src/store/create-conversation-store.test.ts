import { INTERRUPTED_ANSWER } from "./conversation-binding";
import { createConversationStore } from "./create-conversation-store";
import { AgentRuntimeAgentError } from "./errors";
import { selectMessageById, selectMessageIds } from "./selectors";
import { FakeConnection } from "./test-utils/fake-connection";
import { createManualScheduler } from "./test-utils/manual-scheduler";
import type { ChatMessage, ConversationState } from "./types";

function setup<Outgoing = string>(connection = new FakeConnection<Outgoing>()) {
  const frames = createManualScheduler();
  const store = createConversationStore<Outgoing>({
    connection,
    scheduler: frames.scheduler,
    now: () => 1_000,
  });
  const publishes: ConversationState<Outgoing>[] = [];
  store.subscribe((state) => publishes.push(state));
  const finished: ChatMessage[] = [];
  store.onMessageFinished((message) => finished.push(message));
  const errors: Error[] = [];
  store.onError((error) => errors.push(error));
  return { connection, frames, store, publishes, finished, errors };
}

const last = (state: ConversationState<unknown>) => state.messages[state.messages.length - 1];

describe("createConversationStore: delta coalescing", () => {
  it("publishes N deltas that arrive within one frame exactly once", () => {
    const { connection, frames, store, publishes } = setup();
    connection.open();
    publishes.length = 0;

    connection.emit({ type: "message-start", messageId: "a1" });
    for (let i = 0; i < 500; i += 1) connection.emit({ type: "text-delta", delta: `${i},` });

    expect(publishes).toHaveLength(0);
    expect(frames.pending).toBe(1);
    expect(frames.frame()).toBe(1);
    expect(publishes).toHaveLength(1);
    const message = last(store.getState());
    expect(message?.text.split(",")).toHaveLength(501);
    expect(message?.status).toBe("streaming");
    expect(store.getState().isStreaming).toBe(true);
  });

  it("publishes once per frame while chunks keep coming", () => {
    const { connection, frames, publishes } = setup();
    connection.open();
    publishes.length = 0;
    for (let frame = 0; frame < 10; frame += 1) {
      for (let i = 0; i < 37; i += 1) connection.emit({ type: "text-delta", delta: "x" });
      frames.frame();
    }
    expect(publishes).toHaveLength(10);
    expect(last(publishes[9]!)?.text).toBe("x".repeat(370));
  });

  it("flushes at once when the message ends and cancels the pending frame", () => {
    const { connection, frames, store, publishes, finished } = setup();
    connection.emit({ type: "message-start", messageId: "a1" });
    connection.emit({ type: "text-delta", delta: "Hello" });
    connection.emit({ type: "text-delta", delta: " world" });
    expect(publishes).toHaveLength(0);

    connection.emit({ type: "message-end", messageId: "a1" });

    expect(publishes).toHaveLength(1);
    expect(frames.pending).toBe(0);
    expect(store.getState().messages).toEqual([
      expect.objectContaining({
        id: "a1",
        role: "assistant",
        text: "Hello world",
        parts: [{ type: "text", text: "Hello world" }],
        status: "complete",
        createdAt: 1_000,
      }),
    ]);
    expect(store.getState().isStreaming).toBe(false);
    expect(finished.map((message) => message.id)).toEqual(["a1"]);
    expect(finished[0]).toBe(store.getState().messages[0]);
  });

  it("reports a finished message once, however many ends arrive", () => {
    const { connection, finished } = setup();
    connection.emit({ type: "text-delta", messageId: "a1", delta: "Hi" });
    connection.emit({ type: "message-end", messageId: "a1" });
    connection.emit({ type: "message-end", messageId: "a1" });
    connection.emit({ type: "run-finished" });
    expect(finished).toHaveLength(1);
  });
});

describe("createConversationStore: assistant messages", () => {
  it("opens a streaming assistant message for a delta without message-start", () => {
    const { connection, frames, store } = setup();
    connection.emit({ type: "text-delta", delta: "plain text frame" });
    frames.frame();
    const [message] = store.getState().messages;
    expect(message).toMatchObject({
      role: "assistant",
      status: "streaming",
      text: "plain text frame",
    });
    expect(message?.id).toMatch(/\S/);
  });

  it("ends the id-less answer with an id-less message-end", () => {
    const { connection, store } = setup();
    connection.emit({ type: "message-start" }, { type: "text-delta", delta: "a" });
    connection.emit({ type: "message-end" });
    expect(store.getState().messages.map((message) => message.status)).toEqual(["complete"]);
    connection.emit({ type: "text-delta", delta: "b" }, { type: "message-end" });
    const [first, second] = store.getState().messages;
    expect(first?.text).toBe("a");
    expect(second?.text).toBe("b");
    expect(second?.id).not.toBe(first?.id);
  });

  it("routes deltas by message id when answers interleave", () => {
    const { connection, frames, store } = setup();
    connection.emit(
      { type: "message-start", messageId: "m1" },
      { type: "message-start", messageId: "m2" },
      { type: "text-delta", messageId: "m1", delta: "one " },
      { type: "text-delta", messageId: "m2", delta: "two " },
      { type: "text-delta", messageId: "m1", delta: "1" },
    );
    frames.frame();
    expect(store.getState().messages.map((message) => [message.id, message.text])).toEqual([
      ["m1", "one 1"],
      ["m2", "two "],
    ]);
  });

  it("completes every streaming answer on run-finished", () => {
    const { connection, store, finished } = setup();
    connection.emit({ type: "run-started" }, { type: "text-delta", delta: "Hi" });
    expect(store.getState().isStreaming).toBe(false); // not yet published
    connection.emit({ type: "run-finished" });
    expect(last(store.getState())?.status).toBe("complete");
    expect(store.getState().isStreaming).toBe(false);
    expect(finished).toHaveLength(1);
  });

  it("counts a run as streaming between run-started and run-finished", () => {
    const { connection, frames, store } = setup();
    connection.emit({ type: "run-started" });
    frames.frame();
    expect(store.getState().isStreaming).toBe(true);
    connection.emit({ type: "run-finished" });
    expect(store.getState().isStreaming).toBe(false);
  });
});

describe("createConversationStore: user messages mirror the outbox", () => {
  it("maps queued -> pending, sent -> complete", () => {
    const { connection, store } = setup();
    const id = store.send("Hello!");
    expect(store.getState().messages).toEqual([
      expect.objectContaining({ id, role: "user", text: "Hello!", status: "pending" }),
    ]);
    connection.open();
    expect(store.getState().messages[0]?.status).toBe("complete");
  });

  it("maps failed -> error with the error's message, reports it once, and retry -> pending", () => {
    const { connection, store, errors } = setup();
    const id = store.send("too big for the agent");
    const tooBig = new Error("The agent refused a frame this large (close code 1009).");
    connection.failEntry(id, tooBig);
    expect(store.getState().messages[0]).toMatchObject({
      status: "error",
      error: tooBig.message,
    });
    expect(store.getState().error).toBe(tooBig);
    connection.setError(new Error("unrelated snapshot change"));
    expect(errors.filter((error) => error === tooBig)).toHaveLength(1);

    store.retry(id);
    expect(connection.calls).toContain(`retry:${id}`);
    expect(store.getState().messages[0]?.status).toBe("pending");
    expect(store.getState().messages[0]?.error).toBeUndefined();
  });

  it("gives a failed entry without an error a clear message", () => {
    const { connection, store } = setup();
    const id = store.send("x");
    connection.failEntry(id);
    expect(store.getState().messages[0]?.error).toBe("The message could not be sent.");
  });

  it("shows messages sent straight through the connection too", () => {
    const { connection, store } = setup();
    connection.send("from elsewhere");
    expect(store.getState().messages.map((message) => message.text)).toEqual(["from elsewhere"]);
  });

  it("rethrows a refused send, publishes it as the error and adds no message", () => {
    const { connection, store, errors } = setup();
    const refused = new RangeError("Frame of 40000 bytes exceeds the 32768-byte limit.");
    connection.nextSendError = refused;
    expect(() => store.send("x".repeat(40_000))).toThrow(refused);
    expect(store.getState().messages).toHaveLength(0);
    expect(store.getState().error).toBe(refused);
    expect(errors).toEqual([refused]);
  });

  it("shows non-string messages as JSON, or with the messageText option", () => {
    const plain = setup<{ inputText: string }>(new FakeConnection<{ inputText: string }>());
    plain.store.send({ inputText: "hi" });
    expect(plain.store.getState().messages[0]?.text).toBe('{"inputText":"hi"}');

    const connection = new FakeConnection<{ inputText: string }>();
    const store = createConversationStore({ connection, messageText: (m) => m.inputText });
    store.send({ inputText: "hi" });
    expect(store.getState().messages[0]?.text).toBe("hi");
  });

  it("clears the last error on a successful send", () => {
    const { connection, store } = setup();
    connection.setError(new Error("provider failed"));
    expect(store.getState().error?.message).toBe("provider failed");
    store.send("again");
    expect(store.getState().error).toBeNull();
  });
});

describe("createConversationStore: tool calls", () => {
  it("builds a tool-call part from start, args, end and result", () => {
    const { connection, frames, store } = setup();
    connection.emit(
      { type: "message-start", messageId: "a1" },
      { type: "text-delta", messageId: "a1", delta: "Let me look. " },
      { type: "tool-call-start", toolCallId: "t1", name: "search", parentMessageId: "a1" },
      { type: "tool-call-args", toolCallId: "t1", delta: '{"q":' },
      { type: "tool-call-args", toolCallId: "t1", delta: '"weather"}' },
    );
    frames.frame();
    expect(last(store.getState())?.parts).toEqual([
      { type: "text", text: "Let me look. " },
      {
        type: "tool-call",
        toolCallId: "t1",
        name: "search",
        args: '{"q":"weather"}',
        status: "running",
      },
    ]);
    connection.emit(
      { type: "tool-call-end", toolCallId: "t1" },
      { type: "tool-call-result", toolCallId: "t1", content: "sunny", messageId: "tool-msg" },
      { type: "text-delta", messageId: "a1", delta: "It is sunny." },
      { type: "message-end", messageId: "a1" },
    );
    const message = last(store.getState());
    expect(message?.parts).toEqual([
      { type: "text", text: "Let me look. " },
      {
        type: "tool-call",
        toolCallId: "t1",
        name: "search",
        args: '{"q":"weather"}',
        result: "sunny",
        status: "complete",
      },
      { type: "text", text: "It is sunny." },
    ]);
    expect(message?.text).toBe("Let me look. It is sunny.");
    expect(store.getState().messages).toHaveLength(1);
  });

  it("attaches a tool call to a message that already ended and streams until the tool ends", () => {
    const { connection, frames, store } = setup();
    connection.emit(
      { type: "text-delta", messageId: "a1", delta: "Checking" },
      { type: "message-end", messageId: "a1" },
      { type: "tool-call-start", toolCallId: "t1", name: "lookup", parentMessageId: "a1" },
    );
    frames.frame();
    expect(store.getState().messages).toHaveLength(1);
    expect(store.getState().messages[0]?.parts[1]).toMatchObject({ status: "running" });
    expect(store.getState().isStreaming).toBe(true);
    connection.emit({ type: "tool-call-end", toolCallId: "t1" });
    frames.frame();
    expect(store.getState().isStreaming).toBe(false);
  });

  it("opens an assistant message for a tool call without a parent and completes it on run-finished", () => {
    const { connection, store } = setup();
    connection.emit({ type: "tool-call-start", toolCallId: "t9", name: "calc" });
    connection.emit({ type: "run-finished" });
    expect(store.getState().messages[0]).toMatchObject({
      role: "assistant",
      status: "complete",
      parts: [{ type: "tool-call", toolCallId: "t9", name: "calc", status: "complete" }],
    });
  });

  it("ignores args and results for tool calls it never saw start", () => {
    const { connection, frames, store } = setup();
    connection.emit({ type: "tool-call-args", toolCallId: "nope", delta: "{}" });
    connection.emit({ type: "tool-call-result", toolCallId: "nope", content: "x" });
    frames.frame();
    expect(store.getState().messages).toHaveLength(0);
  });
});

describe("createConversationStore: stop", () => {
  it("marks the streaming answer stopped, publishes at once, then stops the connection", () => {
    const { connection, frames, store, finished } = setup();
    connection.open();
    connection.emit({ type: "text-delta", messageId: "a1", delta: "Once upon" });
    let statusWhenConnectionStopped: string | undefined;
    const realStop = connection.stop.bind(connection);
    connection.stop = () => {
      statusWhenConnectionStopped = store.getState().messages[0]?.status;
      realStop();
    };

    store.stop();

    expect(statusWhenConnectionStopped).toBe("stopped");
    expect(connection.calls).toContain("stop");
    expect(frames.pending).toBe(0);
    expect(store.getState().messages[0]).toMatchObject({ text: "Once upon", status: "stopped" });
    expect(store.getState().isStreaming).toBe(false);
    expect(finished.map((message) => message.status)).toEqual(["stopped"]);
  });

  it("drops what is left of the stopped answer until the next turn", () => {
    const { connection, frames, store } = setup();
    connection.open();
    connection.emit({ type: "text-delta", messageId: "a1", delta: "Once upon" });
    store.stop();
    connection.emit({ type: "text-delta", messageId: "a1", delta: " a time" });
    connection.emit({ type: "text-delta", delta: " leftover without id" });
    connection.emit({ type: "tool-call-start", toolCallId: "t1", name: "late" });
    frames.frame();
    expect(store.getState().messages).toHaveLength(1);
    expect(store.getState().messages[0]?.text).toBe("Once upon");

    store.send("next question");
    connection.emit({ type: "text-delta", delta: "New answer" });
    frames.frame();
    expect(store.getState().messages.map((message) => [message.role, message.text])).toEqual([
      ["assistant", "Once upon"],
      ["user", "next question"],
      ["assistant", "New answer"],
    ]);
  });

  it("does not mark a stopped answer interrupted when stopping reopens the socket", () => {
    const { connection, store } = setup();
    connection.open();
    connection.emit({ type: "text-delta", messageId: "a1", delta: "x" });
    connection.stop = () => connection.drop("reconnecting");
    store.stop();
    expect(store.getState().messages[0]?.status).toBe("stopped");
  });

  it("close() stops the answer and closes the connection", () => {
    const { connection, store } = setup();
    connection.open();
    connection.emit({ type: "text-delta", delta: "x" });
    store.close();
    expect(store.getState().messages[0]?.status).toBe("stopped");
    expect(store.getState().connection.status).toBe("closed");
    expect(connection.calls).toContain("close");
  });
});

describe("createConversationStore: errors", () => {
  it("publishes a non-fatal agent error without ending the answer", () => {
    const { connection, store, errors } = setup();
    connection.emit({ type: "text-delta", messageId: "a1", delta: "partial" });
    connection.emit({ type: "error", message: "Malformed frame", code: "decode" });
    const error = store.getState().error;
    expect(error).toBeInstanceOf(AgentRuntimeAgentError);
    expect(error).toMatchObject({ message: "Malformed frame", code: "decode", fatal: false });
    expect(store.getState().messages[0]?.status).toBe("streaming");
    expect(errors).toEqual([error]);
  });

  it("ends the streaming answer with a fatal error", () => {
    const { connection, store, finished } = setup();
    connection.emit({ type: "run-started" });
    connection.emit({ type: "text-delta", messageId: "a1", delta: "partial" });
    connection.emit({ type: "error", message: "Model throttled", fatal: true });
    expect(store.getState().messages[0]).toMatchObject({
      status: "error",
      error: "Model throttled",
      text: "partial",
    });
    expect(store.getState().isStreaming).toBe(false);
    expect(finished.map((message) => message.status)).toEqual(["error"]);
  });

  it("marks an answer interrupted when the socket closes mid-stream", () => {
    const { connection, store } = setup();
    connection.open();
    connection.emit({ type: "text-delta", delta: "half an answ" });
    connection.drop("reconnecting");
    expect(store.getState().messages[0]).toMatchObject({
      status: "error",
      error: INTERRUPTED_ANSWER,
    });
    expect(store.getState().isStreaming).toBe(false);
  });

  it("publishes a new connection error and clears it when the connection opens again", () => {
    const { connection, store, errors } = setup();
    connection.open();
    const providerError = new Error("backend answered 503");
    connection.drop("reconnecting", providerError);
    expect(store.getState().error).toBe(providerError);
    expect(store.getState().connection.status).toBe("reconnecting");
    connection.open();
    expect(store.getState().error).toBeNull();
    expect(errors).toEqual([providerError]);
  });

  it("clearError() clears the error", () => {
    const { connection, store } = setup();
    connection.emit({ type: "error", message: "boom" });
    store.clearError();
    expect(store.getState().error).toBeNull();
  });

  it("keeps notifying the other listeners when one throws", async () => {
    const { connection, store, finished } = setup();
    const thrown = new Error("listener bug");
    const uncaught: unknown[] = [];
    const onUncaught = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", onUncaught);
    try {
      store.onMessageFinished(() => {
        throw thrown;
      });
      connection.emit({ type: "text-delta", delta: "x" }, { type: "message-end" });
      expect(finished).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(uncaught).toEqual([thrown]);
    } finally {
      process.off("uncaughtException", onUncaught);
    }
  });
});

describe("createConversationStore: referential stability", () => {
  it("keeps unchanged messages, and the ids array, identical across publishes", () => {
    const { connection, frames, store } = setup();
    connection.open();
    store.send("question");
    connection.emit({ type: "text-delta", messageId: "a1", delta: "ans" });
    frames.frame();
    const before = store.getState();
    connection.emit({ type: "text-delta", messageId: "a1", delta: "wer" });
    frames.frame();
    const after = store.getState();

    expect(after.messages).not.toBe(before.messages);
    expect(after.messages[0]).toBe(before.messages[0]);
    expect(after.messages[1]).not.toBe(before.messages[1]);
    expect(selectMessageIds(after)).toBe(selectMessageIds(before));
    expect(selectMessageById("a1")(after)?.text).toBe("answer");
    expect(selectMessageById(after.messages[0]!.id)(after)).toBe(before.messages[0]);

    connection.emit({ type: "text-delta", messageId: "a2", delta: "another" });
    frames.frame();
    const added = store.getState();
    expect(selectMessageIds(added)).not.toBe(selectMessageIds(after));
    expect(selectMessageIds(added)).toEqual([after.messages[0]!.id, "a1", "a2"]);
  });

  it("keeps the messages array when only the connection changes", () => {
    const { connection, store } = setup();
    store.send("hi");
    connection.open();
    const before = store.getState();
    connection.setError(new Error("x"));
    expect(store.getState()).not.toBe(before);
    expect(store.getState().messages).toBe(before.messages);
  });

  it("does not publish when an event changes nothing", () => {
    const { connection, frames, publishes } = setup();
    connection.emit({ type: "state-snapshot", snapshot: { a: 1 } });
    connection.emit({ type: "custom", name: "x", value: 1 });
    frames.frame();
    expect(publishes).toHaveLength(0);
  });
});

describe("createConversationStore: lifecycle", () => {
  it("passes actions through to the connection", () => {
    const { connection, store } = setup();
    store.connect();
    store.reconnect();
    expect(connection.calls).toEqual(["connect", "reconnect"]);
    expect(store.getState().connection.status).toBe("reconnecting");
  });

  it("destroy() stops listening and cancels a pending frame", () => {
    const { connection, frames, store, publishes } = setup();
    connection.emit({ type: "text-delta", delta: "x" });
    store.destroy();
    expect(frames.pending).toBe(0);
    expect(connection.listenerCount).toBe(0);
    connection.emit({ type: "message-end" });
    connection.open();
    expect(publishes).toHaveLength(0);
  });

  it("starts from the connection's current snapshot", () => {
    const connection = new FakeConnection();
    connection.send("queued before the store existed");
    connection.setError(new Error("earlier failure"));
    const store = createConversationStore({ connection });
    expect(store.getState().messages[0]).toMatchObject({ status: "pending" });
    expect(store.getState().error?.message).toBe("earlier failure");
    expect(store.getState().connection).toBe(connection.getSnapshot());
  });
});
