export type {
  ChatMessage,
  ChatMessageStatus,
  ChatRole,
  ConversationState,
  MessagePart,
  TextPart,
  ToolCallPart,
} from "./types";
export type { ConversationConnection } from "./conversation-connection";
export type {
  ConversationActions,
  ConversationEvents,
  ConversationStore,
  ConversationStoreOptions,
  ReadableConversationStore,
} from "./conversation-store";
export { createConversationStore, INTERRUPTED_ANSWER } from "./create-conversation-store";
export { animationFrameScheduler, type FrameScheduler } from "./frame-scheduler";
export { AgentRuntimeAgentError } from "./errors";
export {
  selectIsStreaming,
  selectLastError,
  selectMessageById,
  selectMessageIds,
  selectMessages,
  selectSessionId,
  selectStatus,
} from "./selectors";
export {
  ConversationHandle,
  ConversationReleasedError,
  type ConnectMode,
  type ConversationHandleOptions,
  type ConversationHandleSettings,
} from "./conversation-handle";
