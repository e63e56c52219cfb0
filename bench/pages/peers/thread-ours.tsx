/**
 * `<AgentChat chat={store}>` in the long-thread bench. The library has no API to load a past
 * thread, so the page builds it through the real conversation store over its test connection
 * (the user sends, the agent answers), outside the timed part. `pageSize` comes from the run:
 * the default (100, the latest messages first) or the whole thread (no paging).
 */
import { AgentChat } from "../../../src/index";
import { createConversationStore } from "../../../src/store/create-conversation-store";
import { FakeConnection } from "../../../src/store/test-utils/fake-connection";
import type { ConversationStore } from "../../../src/store/types";
import { registerThreadApp, type ThreadMessage } from "./thread-harness";

function buildStore(messages: ThreadMessage[]): ConversationStore {
  const connection = new FakeConnection();
  connection.connect();
  connection.open();
  const store = createConversationStore({ connection });
  for (const message of messages) {
    if (message.role === "user") store.send(message.text);
    else connection.emit({ type: "text-delta", delta: message.text }, { type: "message-end" });
  }
  if (store.getState().messages.length !== messages.length) throw new Error("thread not built");
  return store;
}

registerThreadApp({
  prepare: (messages) => buildStore(messages),
  render(prepared, setup) {
    const pageSize = setup.options.pageSize;
    return (
      <AgentChat
        chat={prepared as ConversationStore}
        {...(typeof pageSize === "number" ? { pageSize } : {})}
      />
    );
  },
});
