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
} from "./agent-runtime-client";
export { parseRuntimeArn, type RuntimeArn } from "./arn";
export { bearerSubprotocols, BEARER_SUBPROTOCOL } from "./bearer";
export type { AwsCredentials, AwsCredentialsProvider, AwsCredentialsSource } from "./credentials";
export {
  AgentRuntimeCredentialsError,
  AgentRuntimeInvalidRegionError,
  AgentRuntimeValidationError,
} from "./errors";
export { validateRegion } from "./region";
export { SESSION_ID_PARAM, type QueryParams } from "./runtime-url";
export {
  credentialsUrlProvider,
  type CredentialsUrlProviderOptions,
} from "../providers/credentials-url-provider";
export { AgentRuntimeProviderError } from "../providers/errors";
export type { PresignedConnection, UrlProvider, UrlProviderContext } from "../providers/types";
export {
  signedHeadersProvider,
  SIGNED_HEADERS_REUSE_MS,
  type SignedHeadersProviderOptions,
} from "../providers/signed-headers-provider";
