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
export * from "./react/components";
