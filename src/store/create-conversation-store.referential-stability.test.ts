import { selectMessageById, selectMessageIds } from "./selectors";
import { conversationStoreUnderTest as setup } from "./test-utils/store-under-test";

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
    connection.emit({ type: "tool-call-args", toolCallId: "unknown", delta: "x" });
    connection.emit({ type: "custom", name: "x", value: 1 });
    frames.frame();
    expect(publishes).toHaveLength(0);
  });
});
