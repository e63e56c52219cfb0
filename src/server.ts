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
} from "./server/presign-handler";
export { toNodeHandler, type NodeRequestListener } from "./server/node-adapter";
export type {
  PresignHandlerOptions,
  PresignLogEvent,
  PresignPrincipal,
  RuntimeTargetOptions,
  SessionIdPolicy,
} from "./server/options";
export type { AllowedOrigins } from "./server/cors";
export type { RateLimitOptions } from "./server/rate-limiter";
export type { PresignErrorCode } from "./server/refusal";
export { MIN_SESSION_SECRET_BYTES, type SessionSecret } from "./server/session-binding";
export type {
  AwsCredentials,
  AwsCredentialsProvider,
  AwsCredentialsSource,
} from "./signing/credentials";
