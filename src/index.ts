/**
 * `agentcore-react`: talk to agents on Amazon Bedrock AgentCore Runtime over WebSocket from
 * React. This entry holds no AWS SDK, smithy or server code.
 *
 * @packageDocumentation
 */
export { bearerSubprotocols, BEARER_SUBPROTOCOL } from "./signing/bearer";
export { parseRuntimeArn, type RuntimeArn } from "./signing/arn";
export {
  AgentRuntimeCredentialsError,
  AgentRuntimeInvalidRegionError,
  AgentRuntimeValidationError,
} from "./signing/errors";
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
export * from "./connection/index";
export * from "./codecs/index";

// Conversation store (framework-free) and the React binding.
export * from "./store/index";
export * from "./react/index";
export * from "./react/components";
