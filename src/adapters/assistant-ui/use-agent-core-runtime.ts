"use client";
import { useExternalStoreRuntime, type AssistantRuntime } from "@assistant-ui/react";
import { useMemo } from "react";
import {
  useAgentRuntimeStore,
  type AgentRuntimeSocketOptions,
} from "../../react/use-agent-runtime-store";
import { useConversation } from "../../react/use-conversation";
import { appendedText, isThreadMessage, toThreadMessage } from "./convert-message";
import { toExtras, type AgentCoreConversation } from "./extras";

/** Options of {@link useAgentCoreRuntime}: those of `useAgentRuntimeSocket`, messages as text. */
export type AgentCoreRuntimeOptions = AgentRuntimeSocketOptions<string>;

/**
 * An assistant-ui runtime for `<AssistantRuntimeProvider runtime={...}>` over a conversation
 * with an agent on AgentCore Runtime: the same connection, store and options as
 * `useAgentRuntimeSocket` (presigned URLs, re-presign, reconnect, the outbox, StrictMode), so a
 * thread built for assistant-ui runs on it by changing the line that makes its runtime.
 *
 * - Text, reasoning, tool calls (arguments as they stream, results) and sources stream in as
 *   message parts.
 * - The thread's Cancel calls the conversation's `stop()`: the codec's cancel frame, or the
 *   stream closed and reopened. The answer ends `incomplete` (`reason: "cancelled"`).
 * - An answer the agent fails, or one cut when the stream breaks, ends `incomplete` with
 *   `reason: "error"` and keeps the text that arrived. The connection status is
 *   {@link useAgentCoreStatus}.
 * - Reload and edit send the turn again as a new version (`regenerate`, `editAndResend`).
 *
 * @example
 * ```tsx
 * const runtime = useAgentCoreRuntime({ urlProvider: backendUrlProvider({ endpoint: "/api/agent-url" }) });
 * return <AssistantRuntimeProvider runtime={runtime}><Thread /></AssistantRuntimeProvider>;
 * ```
 */
export function useAgentCoreRuntime(options: AgentCoreRuntimeOptions): AssistantRuntime {
  return useAgentCoreConversationRuntime(useAgentRuntimeStore(options));
}

/**
 * {@link useAgentCoreRuntime} for a conversation you already hold: one from
 * `useAgentRuntimeStore`, or `createConversationStore({ connection })` over a connection you
 * made (which then stays yours to open and close).
 */
export function useAgentCoreConversationRuntime(
  conversation: AgentCoreConversation,
): AssistantRuntime {
  const state = useConversation(conversation);
  const messages = useMemo(() => state.messages.filter(isThreadMessage), [state.messages]);
  const extras = useMemo(() => toExtras(conversation), [conversation]);
  return useExternalStoreRuntime({
    messages,
    isRunning: state.isStreaming,
    convertMessage: toThreadMessage,
    extras,
    onNew: async (message) => {
      conversation.send(appendedText(message));
    },
    onCancel: async () => conversation.stop(),
    onReload: async (parentId) => {
      if (parentId !== null) conversation.regenerate(parentId);
    },
    onEdit: async (message) => {
      const text = appendedText(message);
      if (message.sourceId === null) conversation.send(text);
      else conversation.editAndResend(message.sourceId, text);
    },
  });
}
