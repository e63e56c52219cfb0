export {
  AgentChat,
  type AgentChatProps,
  type AgentChatWithConversationProps,
  type AgentChatWithSocketProps,
} from "./agent-chat";
export type { AgentChatViewProps } from "./chat-view";
export { MessageList, type MessageListProps } from "./message-list";
export { Message, type MessageProps } from "./message";
export { Composer, type ComposerProps } from "./composer";
export {
  ConnectionBanner,
  connectionBannerKind,
  type ConnectionBannerKind,
  type ConnectionBannerProps,
} from "./connection-banner";
export { StopButton, type StopButtonProps } from "./stop-button";
export { ToolCall, formatToolPayload, type ToolCallProps } from "./tool-call";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { SuggestionList, type SuggestionListProps } from "./suggestion-list";
export { PlainText } from "./plain-text";
export { LazyMarkdown } from "./markdown/lazy-markdown";
export { safeUrl } from "./markdown/safe-url";
export { defaultLabels, resolveLabels, type AgentChatLabels } from "./labels";
export { useChatContext, useChatSelector, type ChatContextValue } from "./chat-context";
export type {
  AgentChatController,
  AgentChatSource,
  ConversationWithActions,
  ChatDensity,
  ChatTheme,
  ConversationStoreReader,
  RenderMessage,
  RenderMessageContext,
  Suggestion,
} from "./types";
export type { MarkdownOptions } from "./markdown/markdown-options";
