/**
 * `agentcore-react/server`: a backend endpoint that mints presigned AgentCore Runtime URLs for
 * browsers, as a Web-standard `(Request) => Promise<Response>` plus a `node:http` adapter.
 *
 * @packageDocumentation
 */
export {
  createPresignHandler,
  DEFAULT_MAX_BODY_BYTES,
  type PresignHandler,
} from "./presign-handler";
export { toNodeHandler, type NodeRequestListener } from "./node-adapter";
export type {
  PresignHandlerOptions,
  PresignLogEvent,
  PresignPrincipal,
  RuntimeTargetOptions,
  SessionIdPolicy,
} from "./options";
export type { AllowedOrigins } from "./cors";
export type { RateLimitOptions } from "./rate-limiter";
export type { PresignErrorCode } from "./refusal";
export { MIN_SESSION_SECRET_BYTES, type SessionSecret } from "./session-binding";
export type {
  AwsCredentials,
  AwsCredentialsProvider,
  AwsCredentialsSource,
} from "../signing/credentials";
