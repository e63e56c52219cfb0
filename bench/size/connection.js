// The framework-free engine alone: connection and the default codec.
export { AgentRuntimeConnection, textCodec } from "../../dist/index.js";
