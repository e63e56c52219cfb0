import { deliveryProtocol } from "../connection/delivery-link";
import { INTERRUPTED_ANSWER } from "./conversation-binding";
import { FakeConnection } from "./test-utils/fake-connection";
import { conversationStoreUnderTest as setup } from "./test-utils/store-under-test";

const resumable = () => new FakeConnection({ delivery: deliveryProtocol() });

describe("createConversationStore over a connection that resumes (delivery on)", () => {
  it("keeps the answer streaming across a drop, and it carries on when the stream is back", () => {
    const { connection, store } = setup(resumable());
    connection.open();
    connection.emit({ type: "text-delta", delta: "half an answ" });
    connection.drop("reconnecting");
    expect(store.getState().messages[0]).toMatchObject({ status: "streaming" });
    connection.open();
    connection.emit({ type: "text-delta", delta: "er" }, { type: "message-end" });
    expect(store.getState().messages[0]).toMatchObject({
      status: "complete",
      text: "half an answer",
    });
  });

  it("marks the answer interrupted when the agent could not resume it", () => {
    const { connection, store } = setup(resumable());
    connection.open();
    connection.emit({ type: "text-delta", delta: "half" });
    connection.drop("reconnecting");
    connection.open();
    const message = "The agent restarted and lost the answer in progress.";
    connection.emit({ type: "resume-unavailable", reason: "agent-restarted", message });
    expect(store.getState().messages[0]).toMatchObject({ status: "error", error: message });
    expect(store.getState().isStreaming).toBe(false);
  });

  it("still marks it interrupted when the connection ends for good", () => {
    const { connection, store } = setup(resumable());
    connection.open();
    connection.emit({ type: "text-delta", delta: "half" });
    connection.drop("failed");
    expect(store.getState().messages[0]).toMatchObject({
      status: "error",
      error: INTERRUPTED_ANSWER,
    });
  });
});
