/**
 * `agentcore-react/ai-sdk`: the Vercel AI SDK's `useChat` over an AgentCore Runtime agent,
 * by changing one option:
 *
 * ```tsx
 * import { useChat } from "@ai-sdk/react";
 * import { agentCoreTransport } from "agentcore-react/ai-sdk";
 *
 * const transport = agentCoreTransport({ urlProvider }); // once, outside render
 * const { messages, sendMessage, stop } = useChat({ transport });
 * ```
 *
 * The transport sends each user message through an `AgentRuntimeConnection` (presigned URLs,
 * re-presigning, reconnects, the outbox) and streams the agent's answer as UI message chunks.
 * Needs the optional peer `ai` (types only; `@ai-sdk/react` brings it). See docs/adapters.md.
 *
 * @packageDocumentation
 */
export {
  AgentCoreChatTransport,
  agentCoreTransport,
  lastUserText,
  type AgentCoreTransportOptions,
} from "./adapters/ai-sdk/transport";
export { CONNECTION_CLOSED, CONNECTION_FAILED } from "./adapters/ai-sdk/answer-stream";
export {
  STATUS_PART_TYPE,
  type AgentCoreDataTypes,
  type AgentCoreStatusData,
} from "./adapters/ai-sdk/status-part";
export { useAgentCoreStatus } from "./adapters/ai-sdk/use-agent-core-status";
