/**
 * `agentcore-react/signing`: SigV4 and OAuth authentication for AgentCore Runtime WebSocket
 * streams, byte-for-byte compatible with the Python SDK. Framework-free; runs in browsers,
 * Node and workers.
 *
 * @packageDocumentation
 */
export {
  AgentRuntimeClient,
  DEFAULT_PRESIGNED_URL_EXPIRES,
  MAX_PRESIGNED_URL_EXPIRES,
  type AgentRuntimeClientOptions,
  type OAuthConnectionOptions,
  type PresignedUrl,
  type PresignedUrlOptions,
  type RuntimeStreamOptions,
  type WsConnection,
} from "./signing/agent-runtime-client";
export { parseRuntimeArn, type RuntimeArn } from "./signing/arn";
export { bearerSubprotocols, BEARER_SUBPROTOCOL } from "./signing/bearer";
export type {
  AwsCredentials,
  AwsCredentialsProvider,
  AwsCredentialsSource,
} from "./signing/credentials";
export { AgentRuntimeCredentialsError, AgentRuntimeInvalidRegionError } from "./signing/errors";
export { AgentRuntimeValidationError } from "./core/errors";
export { validateRegion } from "./signing/region";
export { SESSION_ID_PARAM, type QueryParams } from "./signing/runtime-url";
export {
  credentialsUrlProvider,
  type CredentialsUrlProviderOptions,
} from "./providers/credentials-url-provider";
export { AgentRuntimeProviderError } from "./providers/errors";
export type { PresignedConnection, UrlProvider, UrlProviderContext } from "./providers/types";
export {
  signedHeadersProvider,
  SIGNED_HEADERS_REUSE_MS,
  type SignedHeadersProviderOptions,
} from "./providers/signed-headers-provider";
