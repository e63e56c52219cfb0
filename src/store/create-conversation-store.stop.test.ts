import { conversationStoreUnderTest as setup } from "./test-utils/store-under-test";

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
