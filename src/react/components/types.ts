import type { ReactNode } from "react";
import type { ChatInput } from "../../core/attachment-reference";
import type { ReadableStore } from "../../core/readable-store";
import type {
  ChatMessage,
  ConversationActions,
  ConversationEvents,
  ConversationState,
} from "../../store/types";

/**
 * What `<AgentChat>` shows and acts on: a conversation store with the actions the chat UI
 * uses. `createConversationStore`'s store and `useAgentRuntimeStore`'s fit it as they are; a
 * custom store needs `getState`, `subscribe`, `send`, `stop` and `retry`. Without `reconnect`
 * the banner offers no "Retry now"/"Reconnect", and the composer is disabled once the
 * conversation is closed or failed (its `send` is expected to reopen it otherwise). Without
 * `sendReply`, client tools and approvals cannot answer the agent; without `regenerate`,
 * `editAndResend` or `selectBranch`, messages offer no Regenerate, Edit or version pager. With
 * `attachments`, the composer sends `{ text, attachments }` when files are attached: its codec
 * must encode one (`textCodec` and `agUiCodec` do). With `voice`, the call's partial
 * transcripts show as a caption when the store has `onEvent`.
 */
export type ChatStore = ReadableStore<ConversationState<ChatInput>> &
  Pick<ConversationActions<ChatInput>, "send"> &
  Pick<ConversationActions, "stop" | "retry"> &
  Partial<
    Pick<
      ConversationActions,
      "reconnect" | "dismiss" | "sendReply" | "regenerate" | "editAndResend" | "selectBranch"
    >
  > &
  Partial<Pick<ConversationEvents, "onEvent">>;

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

/** A rating given to an answer, with the comment the user may add. */
export interface MessageFeedback {
  rating: "up" | "down";
  comment?: string;
}

/** What a message action drawn by the app receives. */
export interface MessageActionContext {
  message: ChatMessage;
  /** Draws the built-in control, to wrap or decorate it. */
  renderDefault(): ReactNode;
}

/**
 * One message action: `true` for the built-in control, `false` for none, or a function that
 * draws it (only called where the built-in one would show).
 */
export type MessageActionSetting = boolean | ((context: MessageActionContext) => ReactNode);

/**
 * The actions on finished messages. Each is on by default, except `feedback`, which is on
 * when `onFeedback` is given. The built-in controls are labelled native buttons; Regenerate,
 * Edit and `branches` need the store's `regenerate`, `editAndResend` and `selectBranch`.
 */
export interface MessageActionsOptions {
  /** Copy an answer's text (its markdown source) to the clipboard. */
  copy?: MessageActionSetting;
  /** Send the question of a finished, stopped or failed answer again, as a new version. */
  regenerate?: MessageActionSetting;
  /** Rate an answer up or down, with an optional comment (`onFeedback`). */
  feedback?: MessageActionSetting;
  /** Edit a user message and send it as a new version of its turn. */
  edit?: MessageActionSetting;
  /** The "‹ 1 / 2 ›" pager on a message that starts one of several versions. */
  branches?: MessageActionSetting;
}
