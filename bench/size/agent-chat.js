// The drop-in chat: component, hook, store, connection and default codec (markdown is lazy).
export { AgentChat } from "../../dist/index.js";
