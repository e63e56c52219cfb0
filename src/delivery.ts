/**
 * `agentcore-react/delivery`: the client side of the delivery protocol (docs/delivery.md), for
 * agents that speak it. Pass it to a connection, the hook or `<AgentChat>`:
 * `delivery: deliveryProtocol()`. Apps that do not import it pay nothing for it.
 *
 * @packageDocumentation
 */
export { deliveryProtocol, RESUME_UNAVAILABLE } from "./connection/delivery-link";
export {
  ACK_AFTER_MS,
  ACK_EVERY_FRAMES,
  type ResumeUnavailableReason,
} from "./connection/delivery";
export type { DeliveryChannel, DeliveryIo, DeliveryProtocol } from "./connection/types";
export type { DeliveryPosition } from "./connection/persistence-port";
