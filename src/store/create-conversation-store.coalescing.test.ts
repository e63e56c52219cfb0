import {
  conversationStoreUnderTest as setup,
  lastMessage as last,
} from "./test-utils/store-under-test";

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
