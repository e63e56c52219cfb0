// agentcore-react/assistant-ui: the runtime hook and the status hook (assistant-ui excluded).
export { useAgentCoreRuntime, useAgentCoreStatus } from "../../dist/assistant-ui.js";
