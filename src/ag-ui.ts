/**
 * `agentcore-react/ag-ui`: an AG-UI `AbstractAgent` that runs over AgentCore Runtime's
 * WebSocket through `AgentRuntimeConnection`, for `@ag-ui/client` and CopilotKit clients:
 *
 * ```ts
 * import { AgentCoreAgent } from "agentcore-react/ag-ui";
 * const agent = new AgentCoreAgent({ urlProvider });
 * ```
 *
 * Needs the optional peers `@ag-ui/client` and `rxjs` (which `@ag-ui/client` depends on). The
 * main entry never refers to this one.
 *
 * @packageDocumentation
 */
export { AgentCoreAgent, type AgentCoreAgentConfig } from "./adapters/ag-ui/agentcore-agent";
export { agUiEventCodec, AG_UI_EVENT } from "./adapters/ag-ui/event-codec";
export { STATUS_EVENT, type AgentCoreStatus } from "./adapters/ag-ui/status";
export type { AgentCoreRunErrorCode } from "./adapters/ag-ui/run-errors";
