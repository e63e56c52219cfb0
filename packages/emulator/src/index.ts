/**
 * `agentcore-react-emulator`: a local stand-in for the AgentCore Runtime WebSocket endpoint, for
 * development, tests and demos without an AWS account. Node only.
 *
 * @packageDocumentation
 */
export { startEmulator } from "./start-emulator";
export type { Emulator } from "./emulator-handle";
export type { EmulatorLimits, EmulatorOptions } from "./emulator-options";
export type { ForwardOption, ForwardOptions } from "./forward/forward-options";
export { CUSTOM_HEADER_PREFIX } from "./forward/custom-headers";
export { EmulatorStartError } from "./listen";
export { EmulatorOptionsError } from "./options-error";
export {
  verifyPresignedUrl,
  SESSION_ID_PARAM,
  DEFAULT_SKEW_MS,
  MAX_PRESIGNED_EXPIRES_SECONDS,
  type VerifyPresignedUrlOptions,
} from "./verify-presigned-url";
export {
  verifySignedHeaders,
  type SignedHeadersRequest,
  type VerifySignedHeadersOptions,
} from "./verify-signed-headers";
export type { RequestHeaders } from "./request-headers";
export type {
  SignatureFailure,
  SignatureFailureCode,
  SignatureSuccess,
  SignatureVerification,
} from "./signature-result";
export { DEMO_CREDENTIALS, type CredentialsInput, type EmulatorCredentials } from "./credentials";
export { BEARER_SUBPROTOCOL, type BearerRequestInfo, type BearerTokensOption } from "./bearer-auth";
export type { AgentContext, AgentFrame, AgentHandler, AgentSocket } from "./agent-types";
export {
  agUiAgent,
  echoAgent,
  streamingAgent,
  voiceAgent,
  type AgentOption,
  type BuiltInAgentName,
} from "./agents";
export type { AgUiAgentOptions } from "./agents/ag-ui";
export type { VoiceAgentOptions } from "./agents/voice";
export type { VoiceToolCall, VoiceToolResult } from "./agents/voice-dialect";
export type { VoiceInputStats } from "./agents/voice-audio";
export { AG_UI_TOOL_NAME } from "./agents/ag-ui-events";
export { STREAM_CANCELLED, STREAM_DONE, type StreamingAgentOptions } from "./agents/streaming";
export { FaultController } from "./faults";
export {
  FaultCommandError,
  type FaultCommand,
  type FaultOptions,
  type FaultState,
  type FrameDirection,
  type FrameFaultOptions,
} from "./fault-types";
export type {
  AuthMode,
  CloseCause,
  CloseEvent,
  EmulatorEvent,
  UpgradeEvent,
  WaitForOptions,
} from "./events";
export { describeEvent } from "./events";
export type { EmulatorSession, TranscriptEntry } from "./sessions";
export type { EmulatorTimers, TimeInput } from "./clock";
export { CONTROL_PREFIX } from "./control-api";
