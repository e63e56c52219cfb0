export { AgentRuntimeConnection, CLOSE_WAIT_MS } from "./agent-runtime-connection";
export {
  DEFAULT_MAX_FRAME_BYTES,
  DEFAULT_MAX_QUEUED_MESSAGES,
  DEFAULT_PREFETCH_MARGIN_MS,
  DEFAULT_URL_SAFETY_MARGIN_MS,
} from "./agent-runtime-connection";
export {
  backoffCeiling,
  computeBackoff,
  DEFAULT_INITIAL_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
} from "./backoff";
export {
  classifyClose,
  CLOSE_CODES,
  DEFAULT_IDLE_TIMEOUT_MS,
  DEFAULT_STREAM_LIFETIME_MS,
  type CloseAction,
  type CloseContext,
  type CloseDecision,
} from "./close-policy";
export {
  AgentRuntimeFrameTooLargeError,
  AgentRuntimeOutboxFullError,
  AgentRuntimeSocketClosedError,
  AgentRuntimeUnknownMessageError,
} from "./errors";
export { navigatorOnlineSource } from "./online-source";
export {
  createSessionId,
  isValidSessionId,
  MAX_SESSION_ID_LENGTH,
  MIN_SESSION_ID_LENGTH,
} from "./session-id";
export { utf8ByteLength } from "./utf8";
export type {
  ConnectionOptions,
  ConnectionSnapshot,
  ConnectionStatus,
  OnlineSource,
  OutboxEntry,
  OutboxStatus,
  RetryOptions,
  WebSocketConstructor,
  WebSocketLike,
} from "./types";
