"use client";
export { useAgentRuntimeSocket, type AgentRuntimeSocket } from "./use-agent-runtime-socket";
export { useAgentRuntimeStore, type AgentRuntimeSocketOptions } from "./use-agent-runtime-store";
export { useConversation } from "./use-conversation";
