"use client";
import { useMemo, useSyncExternalStore } from "react";
import type {
  ConnectionSnapshot,
  ConnectionStatus,
  ConversationConnection,
} from "../connection/types";
import type { Conversation } from "../store/conversation";
import type { AgentInterrupt } from "../codecs/types";
import type { ChatMessage, ConversationActions } from "../store/types";
import { useAgentRuntimeStore, type AgentRuntimeSocketOptions } from "./use-agent-runtime-store";

/**
 * What `useAgentRuntimeSocket` returns: the conversation as React state, and its actions (the
 * conversation's own, so they keep their identity for its whole life).
 */
export interface AgentRuntimeSocket<Outgoing = string> extends ConversationActions<Outgoing> {
  /** `idle | connecting | open | reconnecting | closed | failed`. */
  status: ConnectionStatus;
  /** User and assistant messages in order; unchanged messages keep their identity. */
  messages: readonly ChatMessage[];
  /** True while an answer is in progress. */
  isStreaming: boolean;
  /** The last error worth showing, or `null`. */
  error: Error | null;
  /**
   * The agent's state (AG-UI `STATE_SNAPSHOT` and `STATE_DELTA`), or `undefined` until it sends
   * one. The same object across renders while it does not change.
   */
  agentState: unknown;
  /**
   * What the agent asks before its run goes on (a run that finished with an AG-UI `interrupt`
   * outcome), for a UI to put to the user; empty otherwise.
   */
  pendingInterrupts: readonly AgentInterrupt[];
  /** The runtime session id, or `null` before the connection exists (server, first render). */
  sessionId: string | null;
  /** The connection's full snapshot: attempt, next retry time, reason, close code, outbox, ... */
  connectionState: ConnectionSnapshot<Outgoing>;
  /** The connection, or `null` before it exists. */
  connection: ConversationConnection<Outgoing> | null;
  /** The conversation store: pass it to `<AgentChat chat>` or `useConversation` in children. */
  store: Conversation<Outgoing>;
}

/**
 * Talks to an agent on AgentCore Runtime: opens (and keeps open) a WebSocket through
 * `urlProvider`, and returns the conversation as React state plus the actions on it.
 *
 * The calling component re-renders at most once per animation frame while an answer streams.
 * For a UI that re-renders less, pass `store` to children using `useConversation` with
 * selectors, or own the conversation with `useAgentRuntimeStore` instead.
 *
 * @example
 * ```tsx
 * const { messages, send, status } = useAgentRuntimeSocket({
 *   urlProvider: backendUrlProvider({ endpoint: "/api/agent-url" }),
 * });
 * ```
 */
export function useAgentRuntimeSocket<Outgoing = string>(
  options: AgentRuntimeSocketOptions<Outgoing>,
): AgentRuntimeSocket<Outgoing> {
  const store = useAgentRuntimeStore(options);
  // The whole state, so no selector to memoize: `useConversation(store)` without its machinery.
  const state = useSyncExternalStore(store.subscribe, store.getState, store.getInitialState);
  return useMemo(
    () => ({
      // The conversation's own functions: the same ones on every render.
      connect: store.connect,
      send: store.send,
      retry: store.retry,
      dismiss: store.dismiss,
      stop: store.stop,
      reconnect: store.reconnect,
      close: store.close,
      clearError: store.clearError,
      sendReply: store.sendReply,
      regenerate: store.regenerate,
      editAndResend: store.editAndResend,
      selectBranch: store.selectBranch,
      status: state.connection.status,
      messages: state.messages,
      isStreaming: state.isStreaming,
      error: state.error,
      agentState: state.agentState,
      pendingInterrupts: state.pendingInterrupts,
      sessionId: state.connection.sessionId === "" ? null : state.connection.sessionId,
      connectionState: state.connection,
      connection: store.connection,
      store,
    }),
    [state, store],
  );
}
