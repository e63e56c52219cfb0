/**
 * `agentcore-react/agent`: the agent's side of the `acr-delivery/1` protocol
 * (docs/delivery.md), for agents written in TypeScript on Node. Framework-free: attach each
 * accepted WebSocket (`ws` or a standard one) to its runtime session, and send through the
 * session; the helper numbers, buffers, replays and deduplicates.
 *
 * @packageDocumentation
 */
export { DeliveryAgent } from "./agent/delivery-agent";
export { DeliverySession } from "./agent/delivery-session";
export { DeliveryFrameTooLargeError } from "./agent/errors";
export {
  DEFAULT_MAX_BUFFER_AGE_MS,
  DEFAULT_MAX_BUFFER_BYTES,
  DEFAULT_MAX_FRAME_BYTES,
  DEFAULT_REMEMBERED_IDS,
  MAX_REMEMBERED_IDS,
  type DeliveryAgentOptions,
} from "./agent/options";
export { FRAMES_PER_SECOND } from "./agent/paced-stream";
export type { AgentSocket } from "./agent/socket";
export type { DeliveredMessage, StreamHandlers } from "./agent/stream-handlers";
export { AgentRuntimeValidationError } from "./core/errors";
