import {
  conversationStoreUnderTest as setup,
  lastMessage as last,
} from "./test-utils/store-under-test";

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
