import {
  conversationStoreUnderTest as setup,
  lastMessage as last,
} from "./test-utils/store-under-test";

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
