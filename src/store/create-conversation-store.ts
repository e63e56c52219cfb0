import { Conversation } from "./conversation";
import type { ConversationStoreOptions } from "./types";

/**
 * Creates the conversation store of a connection: messages built from its outbox and events,
 * its snapshot, the last error, and whether an answer is streaming, with the actions on them.
 *
 * Streamed text is coalesced: however fast deltas arrive, the store publishes at most once per
 * animation frame, and at once when a message ends, an error arrives, the user acts, or the
 * connection's snapshot changes. Unchanged message objects (and the ids array, see
 * `selectMessageIds`) keep their identity across publishes, so memoized rows skip re-rendering.
 *
 * @example
 * ```ts
 * const store = createConversationStore({
 *   connection: () => new AgentRuntimeConnection({ urlProvider }),
 * });
 * const unsubscribe = store.subscribe((state) => render(state.messages)); // opens the connection
 * store.send("Hello!");
 * ```
 */
export function createConversationStore<Outgoing = string>(
  options: ConversationStoreOptions<Outgoing>,
): Conversation<Outgoing> {
  return new Conversation(options);
}
