/**
 * The contract between a conversation and where it is kept between page loads (`persist`).
 * The store and the connection write and restore a {@link PersistedConversation}; a
 * {@link ConversationPersistence} keeps it (IndexedDB or memory, from `agentcore-react/persist`).
 */

import type { ChatMessage } from "./types";

/** The format of {@link PersistedConversation}; a record of another version is dropped. */
export const PERSISTED_CONVERSATION_VERSION = 1;

/** One outgoing message the agent may not have yet, kept so it is sent after a reload. */
export interface PersistedOutgoing<Outgoing = string> {
  /** The outbox id `send()` returned; with delivery on, the agent drops a second copy by it. */
  id: string;
  message: Outgoing;
  /** The frame as first encoded (kept with delivery on, so a resend is byte-identical). */
  frame?: string;
}

/** Where the client stood in the agent's numbered frames (`acr-delivery/1`, docs/delivery.md). */
export interface PersistedDeliveryPosition {
  /** The agent's epoch from its last `@hello`. */
  epoch: string;
  /** The last sequence whose frame is applied to {@link PersistedConversation.messages}. */
  applied: number;
}

/** One conversation as kept between page loads. */
export interface PersistedConversation<Outgoing = string> {
  version: typeof PERSISTED_CONVERSATION_VERSION;
  /** The app's key for the conversation. */
  key: string;
  /** The runtime session id: a reload reconnects to the same session. */
  sessionId: string;
  messages: readonly ChatMessage[];
  /** Messages not known to have reached the agent, in send order. */
  outbox: ReadonlyArray<PersistedOutgoing<Outgoing>>;
  /** Present with delivery on, once the agent's first `@hello` came. */
  delivery?: PersistedDeliveryPosition;
  /** Epoch ms of the save; the oldest conversations are evicted first. */
  savedAt: number;
}

/** This tab's hold on one conversation; other tabs see it as taken until `release()`. */
export interface PersistenceClaim {
  release(): void;
}

/**
 * Where conversations are kept. `agentcore-react/persist` has `indexedDbPersistence()` and
 * `memoryPersistence()`; an app may bring its own.
 */
export interface ConversationPersistence {
  /** Where records go now: `"memory"` also after IndexedDB failed (private mode, quota). */
  readonly kind: "indexeddb" | "memory";
  /** The record kept under `key`, or `undefined`. Never rejects: a broken record reads as none. */
  load(key: string): Promise<PersistedConversation<unknown> | undefined>;
  /** Keeps `record` under its key; resolves once it is durable. Evicts the oldest beyond the limits. */
  save(record: PersistedConversation<unknown>): Promise<void>;
  /** Forgets the conversation under `key`. */
  remove(key: string): Promise<void>;
  /**
   * Claims `key` for this tab, so two tabs never write one conversation: resolves to `null` when
   * another tab holds it. The claim lasts until `release()` or the tab closes.
   */
  claim(key: string): Promise<PersistenceClaim | null>;
}
