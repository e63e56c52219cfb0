import { createConversationStore } from "./create-conversation-store";
import { FakeConnection } from "./test-utils/fake-connection";
import { conversationStoreUnderTest as setup } from "./test-utils/store-under-test";

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
