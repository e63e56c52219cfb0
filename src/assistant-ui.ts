/**
 * `agentcore-react/assistant-ui`: assistant-ui's thread (`@assistant-ui/react`) on an
 * AgentCore Runtime conversation. Swap the runtime line:
 *
 * ```tsx
 * import { useAgentCoreRuntime } from "agentcore-react/assistant-ui";
 * const runtime = useAgentCoreRuntime({ urlProvider });
 * <AssistantRuntimeProvider runtime={runtime}><Thread /></AssistantRuntimeProvider>;
 * ```
 *
 * The lightest path keeps assistant-ui's own thread state, over the connection alone:
 *
 * ```tsx
 * const adapter = agentCoreModelAdapter({ urlProvider }); // once, at module scope
 * const runtime = useLocalRuntime(adapter);
 * ```
 *
 * Needs the optional peer `@assistant-ui/react`; the main entry never refers to this one.
 *
 * @packageDocumentation
 */
export {
  useAgentCoreConversationRuntime,
  useAgentCoreRuntime,
  type AgentCoreRuntimeOptions,
} from "./adapters/assistant-ui/use-agent-core-runtime";
export {
  AgentCoreModelAdapter,
  agentCoreModelAdapter,
  lastUserMessageText,
  type AgentCoreModelAdapterOptions,
} from "./adapters/assistant-ui/model-adapter";
export {
  useAgentCoreStatus,
  type AgentCoreStatus,
} from "./adapters/assistant-ui/use-agent-core-status";
export type { AgentCoreConversation } from "./adapters/assistant-ui/extras";
export {
  appendedText,
  toMessageStatus,
  toThreadMessage,
} from "./adapters/assistant-ui/convert-message";
export type { ConnectionBannerKind } from "./react/components/behaviour/use-connection-banner";
