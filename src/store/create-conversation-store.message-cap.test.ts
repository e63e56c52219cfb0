import { AgentRuntimeValidationError } from "../core/errors";
import { createConversationStore } from "./create-conversation-store";
import { AgentRuntimeMessageTooLongError } from "./errors";
import { FakeConnection } from "./test-utils/fake-connection";
import { lastMessage, conversationStoreUnderTest } from "./test-utils/store-under-test";

function setup(maxMessageChars?: number) {
  return conversationStoreUnderTest(new FakeConnection(), { maxMessageChars });
}

describe("createConversationStore: maxMessageChars", () => {
  it("keeps the first maxMessageChars characters of an answer, marks it truncated and reports it once", () => {
    const { connection, store, frames, errors, publishes } = setup(10);
    for (const delta of ["12345", "6789", "0abc", "def"]) {
      connection.emit({ type: "text-delta", messageId: "a1", delta });
    }
    frames.frame();
    const message = lastMessage(store.getState())!;
    expect(message).toMatchObject({ text: "1234567890", truncated: true, status: "streaming" });
    expect(message.parts).toEqual([{ type: "text", text: "1234567890" }]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(AgentRuntimeMessageTooLongError);
    expect(errors[0]).toMatchObject({ messageId: "a1", limit: 10 });
    expect(errors[0]!.message).toBe(
      'Message "a1" is longer than maxMessageChars (10 characters); the rest of it was dropped',
    );
    expect(store.getState().error).toBe(errors[0]);

    // What arrives later is dropped without publishing anything; the answer still ends.
    const count = publishes.length;
    connection.emit({ type: "text-delta", messageId: "a1", delta: "more" });
    frames.frame();
    expect(publishes).toHaveLength(count);
    connection.emit({ type: "message-end", messageId: "a1" });
    expect(lastMessage(store.getState())).toMatchObject({
      text: "1234567890",
      truncated: true,
      status: "complete",
    });
    expect(errors).toHaveLength(1);
  });

  it("never splits a surrogate pair at the cut", () => {
    const { connection, store } = setup(5);
    connection.emit({ type: "text-delta", messageId: "a1", delta: "abcd😀 and more" });
    connection.emit({ type: "message-end", messageId: "a1" });
    expect(lastMessage(store.getState())).toMatchObject({ text: "abcd", truncated: true });
  });

  it("leaves messages under the cap unmarked, and gives every message its own budget", () => {
    const { connection, store, errors } = setup(6);
    connection.emit({ type: "text-delta", messageId: "a1", delta: "123456" });
    connection.emit({ type: "message-end", messageId: "a1" });
    connection.emit({ type: "text-delta", messageId: "a2", delta: "1234567" });
    connection.emit({ type: "message-end", messageId: "a2" });
    const [first, second] = store.getState().messages;
    expect(first).toMatchObject({ text: "123456" });
    expect(first).not.toHaveProperty("truncated");
    expect(second).toMatchObject({ text: "123456", truncated: true });
    expect(errors.map((error) => (error as AgentRuntimeMessageTooLongError).messageId)).toEqual([
      "a2",
    ]);
  });

  it("counts tool-call arguments and results against the same budget", () => {
    const { connection, store, errors } = setup(12);
    connection.emit({ type: "text-delta", messageId: "a1", delta: "Hi. " });
    connection.emit({
      type: "tool-call-start",
      toolCallId: "t1",
      name: "search",
      parentMessageId: "a1",
    });
    connection.emit({ type: "tool-call-args", toolCallId: "t1", delta: '{"q":"' });
    connection.emit({ type: "tool-call-args", toolCallId: "t1", delta: 'cats"}' });
    connection.emit({ type: "tool-call-result", toolCallId: "t1", content: "many cats" });
    connection.emit({ type: "text-delta", messageId: "a1", delta: "Done." });
    connection.emit({ type: "message-end", messageId: "a1" });
    const message = lastMessage(store.getState())!;
    expect(message.text).toBe("Hi. ");
    expect(message.truncated).toBe(true);
    expect(message.parts[1]).toMatchObject({ args: '{"q":"ca', result: "", status: "complete" });
    expect(errors).toHaveLength(1);
  });

  it("keeps the text of a message with several text parts equal to the parts joined", () => {
    const { connection, store } = setup();
    connection.emit({ type: "text-delta", messageId: "a1", delta: "one " });
    connection.emit({
      type: "tool-call-start",
      toolCallId: "t1",
      name: "x",
      parentMessageId: "a1",
    });
    connection.emit({ type: "text-delta", messageId: "a1", delta: "two " });
    connection.emit({ type: "text-delta", messageId: "a1", delta: "three" });
    connection.emit({ type: "message-end", messageId: "a1" });
    const message = lastMessage(store.getState())!;
    expect(message.text).toBe("one two three");
    expect(message.parts.filter((part) => part.type === "text")).toEqual([
      { type: "text", text: "one " },
      { type: "text", text: "two three" },
    ]);
  });

  it("caps at 1,000,000 characters by default", () => {
    const { connection, store, errors } = setup();
    connection.emit({ type: "text-delta", messageId: "a1", delta: "x".repeat(999_999) });
    expect(errors).toEqual([]);
    connection.emit({ type: "text-delta", messageId: "a1", delta: "yz" });
    connection.emit({ type: "message-end", messageId: "a1" });
    const message = lastMessage(store.getState())!;
    expect(message.text).toHaveLength(1_000_000);
    expect(message.text.endsWith("xy")).toBe(true);
    expect(errors).toEqual([expect.objectContaining({ limit: 1_000_000 })]);
  });

  // Publishing once per delta must cost the number of parts, not the length of the text: a
  // store that re-joined the text parts on every publish copied the whole text each time (about
  // 6 s and gigabytes of garbage for this answer, against about 0.1 s). Generous on purpose.
  it("publishes a long answer of many parts without re-joining its text", () => {
    const { connection, frames, store } = setup(10_000_000);
    for (let t = 0; t < 50; t++) {
      connection.emit({ type: "text-delta", messageId: "a1", delta: "text " });
      connection.emit({
        type: "tool-call-start",
        toolCallId: `t${t}`,
        name: "x",
        parentMessageId: "a1",
      });
    }
    const delta = "y".repeat(1_000);
    const started = performance.now();
    for (let i = 0; i < 2_500; i++) {
      connection.emit({ type: "text-delta", messageId: "a1", delta });
      frames.frame();
    }
    const elapsed = performance.now() - started;
    expect(lastMessage(store.getState())!.text).toHaveLength(250 + 2_500_000);
    expect(elapsed).toBeLessThan(2_000);
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "100"])(
    "refuses maxMessageChars %j",
    (value) => {
      const create = () =>
        createConversationStore({
          connection: new FakeConnection(),
          maxMessageChars: value as number,
        });
      expect(create).toThrow(AgentRuntimeValidationError);
      expect(create).toThrow(`maxMessageChars must be a whole number >= 1 (got ${String(value)})`);
    },
  );
});
