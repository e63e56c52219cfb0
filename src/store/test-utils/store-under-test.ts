import { createConversationStore } from "../create-conversation-store";
import type { ChatMessage, ConversationState, ConversationStoreOptions } from "../types";
import { FakeConnection } from "./fake-connection";
import { createManualScheduler } from "./manual-scheduler";

/**
 * A conversation store over `connection` (a fresh {@link FakeConnection} by default) that
 * publishes on frames the test runs by hand (`frames.frame()`) and stamps messages at 1000.
 * `publishes`, `finished` and `errors` record every state published, every message reported
 * finished and every error reported, in order. `options` adds store options (e.g. a cap).
 */
export function conversationStoreUnderTest<Outgoing = string>(
  connection = new FakeConnection<Outgoing>(),
  options: Omit<ConversationStoreOptions<Outgoing>, "connection"> = {},
) {
  const frames = createManualScheduler();
  const store = createConversationStore<Outgoing>({
    connection,
    scheduler: frames.scheduler,
    now: () => 1_000,
    ...options,
  });
  const publishes: ConversationState<Outgoing>[] = [];
  store.subscribe((state) => publishes.push(state));
  const finished: ChatMessage[] = [];
  store.onMessageFinished((message) => finished.push(message));
  const errors: Error[] = [];
  store.onError((error) => errors.push(error));
  return { connection, frames, store, publishes, finished, errors };
}

/** The newest message of `state`, if it has any. */
export const lastMessage = (state: ConversationState<unknown>) =>
  state.messages[state.messages.length - 1];
