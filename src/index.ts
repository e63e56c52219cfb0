/**
 * `agentcore-react`: talk to agents on Amazon Bedrock AgentCore Runtime over WebSocket from
 * React. This entry holds no AWS SDK, smithy or server code.
 *
 * @packageDocumentation
 */
export { bearerSubprotocols, BEARER_SUBPROTOCOL } from "./signing/bearer";
export { parseRuntimeArn, type RuntimeArn } from "./signing/arn";
export { AgentRuntimeCredentialsError, AgentRuntimeInvalidRegionError } from "./signing/errors";
export { AgentRuntimeValidationError } from "./core/errors";
export {
  backendUrlProvider,
  DEFAULT_BACKEND_TIMEOUT_MS,
  type BackendUrlProviderOptions,
} from "./providers/backend-url-provider";
export {
  bearerTokenProvider,
  DEFAULT_BEARER_MAX_AGE_MS,
  type BearerTokenProviderOptions,
} from "./providers/bearer-token-provider";
export { AgentRuntimeProviderError } from "./providers/errors";
export type { PresignedConnection, UrlProvider, UrlProviderContext } from "./providers/types";

// Connection (framework-free).
export { AgentRuntimeConnection } from "./connection/agent-runtime-connection";
export { CLOSE_WAIT_MS } from "./connection/socket-slot";
export {
  DEFAULT_MAX_FRAME_BYTES,
  DEFAULT_MAX_QUEUED_MESSAGES,
  DEFAULT_PREFETCH_MARGIN_MS,
  DEFAULT_URL_SAFETY_MARGIN_MS,
} from "./connection/resolve-options";
export { CONNECTION_REASONS, describeReason, type ConnectionReason } from "./connection/reasons";
export {
  backoffCeiling,
  computeBackoff,
  DEFAULT_INITIAL_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
} from "./connection/backoff";
export {
  classifyClose,
  CLOSE_CODES,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_STREAM_LIFETIME_MS,
  type CloseAction,
  type CloseContext,
  type CloseDecision,
} from "./connection/close-policy";
export {
  AgentRuntimeFrameTooLargeError,
  AgentRuntimeOutboxFullError,
  AgentRuntimeSocketClosedError,
  AgentRuntimeUnknownMessageError,
} from "./connection/errors";
export { navigatorOnlineSource } from "./connection/online-source";
export {
  createSessionId,
  isValidSessionId,
  MAX_SESSION_ID_LENGTH,
  MIN_SESSION_ID_LENGTH,
} from "./core/session-id";
export { utf8ByteLength } from "./connection/utf8";
export type {
  ConnectionActions,
  ConnectionOptions,
  ConnectionSnapshot,
  ConversationConnection,
  ConnectionStatus,
  OnlineSource,
  OutboxEntry,
  OutboxStatus,
  RetryOptions,
  WebSocketConstructor,
  WebSocketLike,
} from "./connection/types";

// Attachments (the composer's parts are agentcore-react/attachments).
export type {
  AttachmentReference,
  ChatInput,
  MessageWithAttachments,
} from "./core/attachment-reference";

// Codecs.
export type {
  AgentEvent,
  AgentInterrupt,
  AgentMessageRole,
  AgentReply,
  AgentSource,
  Codec,
  EncodeContext,
  IncomingFrame,
  InterruptResponse,
  RunOutcome,
  SnapshotMessage,
  SnapshotToolCall,
  StreamDecoder,
  ToolResult,
} from "./codecs/types";
export { createTextDecoder, textCodec } from "./codecs/text-codec";
export { agUiCodec } from "./store/ag-ui-conversation";
export {
  toReplyInput,
  toRunAgentInput,
  type AgUiContentPart,
  type AgUiInputMessage,
  type AgUiPartSource,
  type AgUiRunAgentInput,
} from "./codecs/ag-ui-codec";

// Conversation store (framework-free).
export type {
  ChatMessage,
  ChatMessageStatus,
  ChatRole,
  ConnectMode,
  ConversationActions,
  ConversationEvents,
  ConversationState,
  ConversationStore,
  ConversationStoreOptions,
  ConnectionInit,
  PersistOptions,
  ActivityPart,
  MessageBranch,
  MessagePart,
  ReasoningPart,
  SourcesPart,
  TextPart,
  ToolCallPart,
  ToolCallStatus,
} from "./store/types";
export {
  ToolRunner,
  type ClientTool,
  type ToolActivity,
  type ToolApprovalPolicy,
  type ToolRunnerChat,
  type ToolRunnerOptions,
} from "./store/tool-runner";
export type { ReadableStore } from "./core/readable-store";
export { Conversation } from "./store/conversation";
export { createConversationStore } from "./store/create-conversation-store";
export { INTERRUPTED_ANSWER, NO_INTERRUPTS } from "./store/conversation-binding";
export { UNFINISHED_MESSAGE } from "./store/conversation-model";
export { RELOADED_ANSWER } from "./store/message-status";
export {
  animationFrameScheduler,
  throttledFrameScheduler,
  type FrameScheduler,
} from "./store/frame-scheduler";
export {
  AgentRuntimeAgentError,
  AgentRuntimeMessageTooLongError,
  ConversationOpenElsewhereError,
  ConversationReleasedError,
  ConversationRestoringError,
} from "./store/errors";
export {
  PERSISTED_CONVERSATION_VERSION,
  type ConversationPersistence,
  type PersistedConversation,
  type PersistedDeliveryPosition,
  type PersistedOutgoing,
  type PersistenceClaim,
} from "./store/persistence";
export { DEFAULT_MAX_MESSAGE_CHARS } from "./store/conversation";
export {
  selectIsStreaming,
  selectLastError,
  selectMessageById,
  selectMessageIds,
  selectMessages,
  selectSessionId,
  selectStatus,
} from "./store/selectors";

// React binding.
export { useAgentRuntimeSocket, type AgentRuntimeSocket } from "./react/use-agent-runtime-socket";
export {
  useAgentRuntimeStore,
  type AgentRuntimeSocketOptions,
} from "./react/use-agent-runtime-store";
export { useConversation } from "./react/use-conversation";

export {
  AgentChat,
  type AgentChatProps,
  type AgentChatWithConversationProps,
  type AgentChatWithSocketProps,
} from "./react/components/agent-chat";
export type { AgentChatViewProps } from "./react/components/chat-view";
export { MessageList, type MessageListProps } from "./react/components/message-list";
export { Message, type MessageProps } from "./react/components/message";
export type { ChatRoleAppearance, ChatRoles } from "./react/components/message-author";
export { MessageActions, type MessageActionsProps } from "./react/components/message-actions";
export { MessageEditor, type MessageEditorProps } from "./react/components/message-editor";
export { Composer, type ComposerProps } from "./react/components/composer";
export {
  ConnectionBanner,
  connectionBannerKind,
  type ConnectionBannerKind,
  type ConnectionBannerProps,
} from "./react/components/connection-banner";
export { StopButton, type StopButtonProps } from "./react/components/stop-button";
export { ToolCall, formatToolPayload, type ToolCallProps } from "./react/components/tool-call";
export type {
  RenderTool,
  ToolCallDisplayStatus,
  ToolRenderHelpers,
} from "./react/components/tool-render";
export { ToolApproval, type ToolApprovalProps } from "./react/components/tool-approval";
export { ApprovalRequests } from "./react/components/approval-requests";
export { ReasoningView, type ReasoningViewProps } from "./react/components/reasoning-view";
export { ActivityView, type ActivityViewProps } from "./react/components/activity-view";
export { SourcesView, type SourcesViewProps } from "./react/components/sources-view";
export { EmptyState, type EmptyStateProps } from "./react/components/empty-state";
export { SuggestionList, type SuggestionListProps } from "./react/components/suggestion-list";
export { PlainText } from "./react/components/plain-text";
export { LazyMarkdown, type LazyMarkdownProps } from "./react/components/markdown/lazy-markdown";
export { safeUrl } from "./react/components/markdown/safe-url";
export {
  defaultLabels,
  resolveLabels,
  type AgentChatLabels,
  type MarkdownLabels,
} from "./react/components/labels";
export { useChatContext, type ChatContextValue } from "./react/components/chat-context";
export type {
  ChatVoice,
  ChatVoiceSnapshot,
  ChatVoiceState,
  VoiceLabels,
} from "./react/components/chat-voice";

// Behaviour hooks: the parts' behaviour without their markup, for parts of your own.
export {
  useComposer,
  type ComposerBehaviour,
  type UseComposerOptions,
} from "./react/components/behaviour/use-composer";
export {
  useMessageList,
  type MessageListBehaviour,
  type UseMessageListOptions,
} from "./react/components/behaviour/use-message-list";
export {
  useConnectionBanner,
  type ConnectionBannerBehaviour,
} from "./react/components/behaviour/use-connection-banner";
export { useChatMessage } from "./react/components/behaviour/use-chat-message";
export {
  useStopButton,
  type StopButtonBehaviour,
} from "./react/components/behaviour/use-stop-button";
export {
  useMessageActions,
  type MessageActionsBehaviour,
} from "./react/components/behaviour/use-message-actions";
export type {
  AgentChatSource,
  ChatDensity,
  ChatStore,
  ChatTheme,
  MessageActionContext,
  MessageActionSetting,
  MessageActionsOptions,
  MessageFeedback,
  RenderMessage,
  RenderMessageContext,
  Suggestion,
} from "./react/components/types";
// Markdown is opted into from `agentcore-react/markdown`; only its types are named here.
export type { MarkdownOptions } from "./react/components/markdown/markdown-options";
export type {
  MarkdownRenderer,
  MarkdownTextProps,
} from "./react/components/markdown/markdown-renderer";
