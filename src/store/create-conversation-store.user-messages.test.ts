import { createConversationStore } from "./create-conversation-store";
import { FakeConnection } from "./test-utils/fake-connection";
import { conversationStoreUnderTest as setup } from "./test-utils/store-under-test";

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
