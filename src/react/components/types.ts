import type { ReactNode } from "react";
import type { ChatMessage, ConversationState } from "../../store/types";

/**
 * The read side of a conversation store: what the chat parts subscribe to. A zustand vanilla
 * `StoreApi<ConversationState>` (the hook's `store`) fits it.
 */
export interface ConversationStoreReader {
  getState(): ConversationState;
  subscribe(listener: (state: ConversationState, previous: ConversationState) => void): () => void;
}

/**
 * The part of `useAgentRuntimeSocket`'s result the chat UI needs. The hook's result fits it as
 * is; tests, stories and apps with their own transport can pass any object of this shape.
 */
export interface AgentChatController {
  /** The conversation: messages, connection snapshot, streaming flag, last error. */
  readonly store: ConversationStoreReader;
  /**
   * Queues a user message and returns its id. While the conversation is closed or failed it
   * must reopen it (the hook's `send` does). May throw (e.g. a frame too large): the composer
   * keeps the draft and shows the error.
   */
  send(text: string): string;
  /** Ends the answer in progress. */
  stop(): void;
  /** Sends a failed message again. */
  retry(id: string): void;
  /**
   * Reconnects now: skips a pending backoff, or reopens a closed or failed conversation.
   * Without it the banner offers no "Retry now"/"Reconnect" and the composer is disabled once
   * the conversation is closed or failed.
   */
  reconnect?(): void;
}

/**
 * A conversation store with its actions, as `createConversationStore` and the hook's `store`
 * are: `<AgentChat chat={store}>` works with it directly.
 */
export interface ConversationWithActions extends ConversationStoreReader {
  send(text: string): string;
  stop(): void;
  retry(id: string): void;
  reconnect?(): void;
}

/** What `<AgentChat chat>` accepts: a controller (the hook's result) or a store with actions. */
export type AgentChatSource = AgentChatController | ConversationWithActions;

/** A prompt offered on the empty state. A string is both the label and the prompt. */
export type Suggestion = string | { label: string; prompt: string };

/** Colour scheme: follow the OS (`system`, the default) or force one. */
export type ChatTheme = "light" | "dark" | "system";

/** Spacing density of the default theme. */
export type ChatDensity = "comfortable" | "compact";

/** What {@link RenderMessage} receives besides the message. */
export interface RenderMessageContext {
  /** Renders the built-in message, to wrap or decorate it. */
  renderDefault(): ReactNode;
  /** Position of the message in the conversation. */
  index: number;
}

/** Replaces how a message is drawn; return `renderDefault()` to keep the built-in look. */
export type RenderMessage = (message: ChatMessage, context: RenderMessageContext) => ReactNode;
