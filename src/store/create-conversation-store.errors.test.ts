import { INTERRUPTED_ANSWER } from "./conversation-binding";
import { AgentRuntimeAgentError } from "./errors";
import { conversationStoreUnderTest as setup } from "./test-utils/store-under-test";

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
