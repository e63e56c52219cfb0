// The drop-in chat: component, hook, store, connection and default codec (no markdown: that is
// agentcore-react/markdown, measured on its own).
export { AgentChat } from "../../dist/index.js";
