/**
 * `agentcore-react/persist`: where a conversation is kept between page loads with `persist` on
 * (docs/persistence.md). `indexedDbPersistence()` for browsers, `memoryPersistence()` for tests
 * and server rendering. Apps that do not import it pay nothing for it.
 *
 * @packageDocumentation
 */
export { indexedDbPersistence, type IndexedDbPersistenceOptions } from "./persist/indexeddb";
export { memoryPersistence } from "./persist/memory";
export { PersistenceUnavailableError, type PersistenceUnavailableReason } from "./persist/errors";
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_MAX_CONVERSATIONS,
  type PersistenceLimits,
} from "./persist/limits";
export type {
  ConversationPersistence,
  PersistedConversation,
  PersistedDeliveryPosition,
  PersistedOutgoing,
  PersistenceClaim,
} from "./store/persistence";
export { PERSISTED_CONVERSATION_VERSION } from "./store/persistence";
