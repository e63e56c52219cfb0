import {
  conversationStoreUnderTest as setup,
  lastMessage as last,
} from "./test-utils/store-under-test";
import type { ConversationState, ToolCallPart } from "./types";

const toolPart = (state: ConversationState) =>
  last(state)?.parts.find((part): part is ToolCallPart => part.type === "tool-call");

/** A run that started a tool call whose arguments are still streaming. */
function runningTool() {
  const under = setup();
  under.connection.open();
  under.connection.emit(
    { type: "run-started", runId: "r1" },
    { type: "tool-call-start", toolCallId: "t1", name: "search" },
    { type: "tool-call-args", toolCallId: "t1", delta: '{"q":' },
  );
  under.frames.frame();
  expect(toolPart(under.store.getState())?.status).toBe("running");
  return under;
}

describe("createConversationStore: tool calls end with their run", () => {
  it("marks a running tool call interrupted when the user stops", () => {
    const { store } = runningTool();
    store.stop();
    expect(toolPart(store.getState())?.status).toBe("interrupted");
    expect(store.getState().isStreaming).toBe(false);
  });

  it("marks a running tool call interrupted when the agent reports a fatal error", () => {
    const { connection, store } = runningTool();
    connection.emit({ type: "error", message: "boom", fatal: true });
    expect(toolPart(store.getState())?.status).toBe("interrupted");
  });

  it("marks a running tool call interrupted when the connection closes", () => {
    const { connection, store } = runningTool();
    connection.drop();
    expect(toolPart(store.getState())?.status).toBe("interrupted");
    expect(store.getState().isStreaming).toBe(false);
  });

  it("marks a running tool call complete when the run finishes", () => {
    const { connection, store } = runningTool();
    connection.emit({ type: "run-finished", runId: "r1" });
    expect(toolPart(store.getState())?.status).toBe("complete");
  });

  it("ends running tool calls at the end of an answer when there are no run events", () => {
    const { connection, frames, store } = setup();
    connection.emit(
      { type: "text-delta", messageId: "a1", delta: "Looking" },
      { type: "tool-call-start", toolCallId: "t1", name: "search", parentMessageId: "a1" },
      { type: "message-end", messageId: "a1" },
    );
    frames.frame();
    expect(toolPart(store.getState())?.status).toBe("complete");
    expect(store.getState().isStreaming).toBe(false);
  });
});

describe("createConversationStore: sendReply", () => {
  it("shows each tool result, sends the reply and opens a closed connection", () => {
    const { connection, store } = setup(undefined, { connect: "on-send" });
    connection.emit(
      { type: "tool-call-start", toolCallId: "t1", name: "get_location" },
      { type: "tool-call-end", toolCallId: "t1" },
      { type: "tool-call-start", toolCallId: "t2", name: "delete_file" },
      { type: "tool-call-end", toolCallId: "t2" },
      { type: "run-finished" },
    );
    const reply = {
      toolResults: [
        { toolCallId: "t1", content: '{"lat":1}' },
        { toolCallId: "t2", content: "Disk on fire", error: "Disk on fire" },
      ],
    };
    store.sendReply(reply);
    expect(connection.replies).toEqual([reply]);
    expect(connection.calls).toEqual(["connect", "sendReply"]);
    const parts = store.getState().messages.flatMap((message) => message.parts);
    expect(parts).toMatchObject([
      { toolCallId: "t1", status: "complete", result: '{"lat":1}' },
      { toolCallId: "t2", status: "failed", result: "Disk on fire", error: "Disk on fire" },
    ]);
  });

  it("removes the interrupts it answers from pendingInterrupts", () => {
    const { connection, store } = setup();
    const interrupts = [
      { id: "i1", reason: "tool_approval" },
      { id: "i2", reason: "confirm" },
    ];
    connection.emit({ type: "run-finished", outcome: "interrupt", interrupts });
    store.sendReply({ resume: [{ interruptId: "i1", status: "resolved", payload: {} }] });
    expect(store.getState().pendingInterrupts).toEqual([interrupts[1]]);
    store.sendReply({ resume: [{ interruptId: "i2", status: "cancelled" }] });
    expect(store.getState().pendingInterrupts).toHaveLength(0);
  });

  it("refuses a reply when the connection cannot send one", () => {
    const { connection, store, errors } = setup();
    Object.defineProperty(connection, "sendReply", { value: undefined });
    expect(() => store.sendReply({ toolResults: [] })).toThrow(/sendReply/);
    expect(errors).toHaveLength(0);
  });
});
