import type { ReactNode } from "react";
import type { ChatInput } from "../../core/attachment-reference";
import type { ReadableStore } from "../../core/readable-store";
import type { ChatMessage, ConversationActions, ConversationState } from "../../store/types";

/**
 * What `<AgentChat>` shows and acts on: a conversation store with the actions the chat UI
 * uses. `createConversationStore`'s store and `useAgentRuntimeStore`'s fit it as they are; a
 * custom store needs `getState`, `subscribe`, `send`, `stop` and `retry`. Without `reconnect`
 * the banner offers no "Retry now"/"Reconnect", and the composer is disabled once the
 * conversation is closed or failed (its `send` is expected to reopen it otherwise). With
 * `attachments`, the composer sends `{ text, attachments }` when files are attached:
 * its codec must encode one (`textCodec` and `agUiCodec` do).
 */
export type ChatStore = ReadableStore<ConversationState<ChatInput>> &
  Pick<ConversationActions<ChatInput>, "send"> &
  Pick<ConversationActions, "stop" | "retry"> &
  Partial<Pick<ConversationActions, "reconnect" | "dismiss">>;

/** What `<AgentChat chat>` accepts: a chat store, or anything holding one (the hook's result). */
export type AgentChatSource = ChatStore | { readonly store: ChatStore };

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
