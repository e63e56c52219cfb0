// The framework-free engine with the delivery protocol: connection, default codec, delivery.
export { AgentRuntimeConnection, textCodec } from "../../dist/index.js";
export { deliveryProtocol } from "../../dist/delivery.js";
