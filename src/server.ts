/**
 * `agentcore-react/server`: a backend endpoint that mints presigned AgentCore Runtime URLs for
 * browsers, and one that mints presigned S3 upload URLs for chat attachments, each a
 * Web-standard `(Request) => Promise<Response>`, plus a `node:http` adapter.
 *
 * @packageDocumentation
 */
export {
  createPresignHandler,
  DEFAULT_MAX_BODY_BYTES,
  type PresignHandler,
} from "./server/presign-handler";
export { toNodeHandler, type NodeRequestListener } from "./server/node-adapter";
export { createUploadUrlHandler, type UploadUrlHandler } from "./server/upload-url-handler";
export {
  DEFAULT_UPLOAD_ACCEPT,
  DEFAULT_UPLOAD_MAX_BYTES,
  DEFAULT_UPLOAD_URL_EXPIRES,
  MAX_UPLOAD_URL_EXPIRES,
} from "./server/upload-url-config";
export type { UploadUrlHandlerOptions, UploadUrlLogEvent } from "./server/upload-url-options";
export { DEFAULT_BODY_TIMEOUT_MS } from "./server/read-body";
export type {
  PresignHandlerOptions,
  PresignLogEvent,
  PresignPrincipal,
  PresignWarningCode,
  RuntimeTargetOptions,
  SessionIdPolicy,
} from "./server/options";
export type { AllowedOrigins } from "./server/cors";
export type { ClientAddressOption } from "./server/client-address";
export type { RateLimitOptions } from "./server/rate-limiter";
export { DEFAULT_PRE_AUTH_RATE_LIMIT } from "./server/limits-config";
export type { RateLimitCount, RateLimitStore } from "./server/rate-limit-store";
export {
  DEFAULT_MAX_RATE_LIMIT_KEYS,
  memoryRateLimitStore,
  type MemoryRateLimitStore,
  type MemoryRateLimitStoreOptions,
} from "./server/memory-rate-limit-store";
export {
  DEFAULT_REDIS_KEY_PREFIX,
  DEFAULT_REDIS_TIMEOUT_MS,
  redisRateLimitStore,
  type RedisCommandClient,
  type RedisRateLimitStoreOptions,
} from "./server/redis-rate-limit-store";
export type { PresignErrorCode, UploadUrlErrorCode } from "./server/refusal";
export { MIN_SESSION_SECRET_BYTES, type SessionSecret } from "./server/session-binding";
export type {
  AwsCredentials,
  AwsCredentialsProvider,
  AwsCredentialsSource,
} from "./signing/credentials";
