import type { ConversationConnection } from "./conversation-connection";
import type { FrameScheduler } from "./frame-scheduler";
import type { ChatMessage, ConversationState } from "./types";

/** The read side of a conversation store: what `useConversation` and selectors need. */
export interface ReadableConversationStore {
  getState(): ConversationState;
  /** Called after every publish (at most once per animation frame while text streams). */
  subscribe(listener: (state: ConversationState, previous: ConversationState) => void): () => void;
}

/** What a user can do to a conversation. */
export interface ConversationActions<Outgoing = string> {
  /**
   * Sends a user message and returns its id (also the id of the user message in `messages`).
   * Throws the connection's typed error when the message cannot be queued (too large, outbox
   * full); the error is also published as `error`.
   */
  send(message: Outgoing): string;
  /** Stops the answer in progress: it is marked `stopped` and the connection ends it for real. */
  stop(): void;
  /** Sends a failed message again. */
  retry(id: string): void;
  /** Drops the current socket and opens a new one on the same session. */
  reconnect(): void;
  /** Opens the connection (for `connect: "manual"`; harmless otherwise). */
  connect(): void;
  /** Closes the conversation for good; an answer in progress is marked `stopped`. */
  close(): void;
  /** Clears `error` (e.g. when the user dismisses it). */
  clearError(): void;
}

/** Notifications a store emits besides state changes. */
export interface ConversationEvents {
  /**
   * Called once per assistant message that leaves `streaming` (status `complete`, `stopped` or
   * `error`), with the message as published.
   */
  onMessageFinished(listener: (message: ChatMessage) => void): () => void;
  /** Called once for every new error published as `error`. */
  onError(listener: (error: Error) => void): () => void;
}

/** A conversation: a zustand vanilla store bound to a connection. */
export interface ConversationStore<Outgoing = string>
  extends ReadableConversationStore, ConversationActions<Outgoing>, ConversationEvents {
  readonly connection: ConversationConnection<Outgoing>;
  /** Stops listening to the connection and cancels a pending publish. Does not close it. */
  destroy(): void;
}

/** Options of `createConversationStore`. */
export interface ConversationStoreOptions<Outgoing = string> {
  connection: ConversationConnection<Outgoing>;
  /**
   * How streamed updates are coalesced. Default: one publish per animation frame
   * (`requestAnimationFrame`), or a `setTimeout(0)` where there are no frames.
   */
  scheduler?: FrameScheduler;
  /** The text of a user message, from what was sent. Default: the string itself, else JSON. */
  messageText?: (message: Outgoing) => string;
  /** Clock for `createdAt`. Default `Date.now`. */
  now?: () => number;
}
