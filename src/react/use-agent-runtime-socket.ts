"use client";
import { useMemo } from "react";
import type { ConnectionSnapshot, ConnectionStatus } from "../connection/types";
import type { ConversationConnection } from "../store/conversation-connection";
import type { ConversationHandle } from "../store/conversation-handle";
import type { ChatMessage } from "../store/types";
import { useAgentRuntimeStore, type AgentRuntimeSocketOptions } from "./use-agent-runtime-store";
import { useConversation } from "./use-conversation";

/** What `useAgentRuntimeSocket` returns. Actions keep their identity for the conversation's life. */
export interface AgentRuntimeSocket<Outgoing = string> {
  /** `idle | connecting | open | reconnecting | closed | failed`. */
  status: ConnectionStatus;
  /** User and assistant messages in order; unchanged messages keep their identity. */
  messages: readonly ChatMessage[];
  /** True while an answer is in progress. */
  isStreaming: boolean;
  /** The last error worth showing, or `null`. */
  error: Error | null;
  /** The runtime session id, or `null` before the connection exists (server, first render). */
  sessionId: string | null;
  /** The connection's full snapshot: attempt, next retry time, close code, outbox, ... */
  connectionState: ConnectionSnapshot<Outgoing>;
  /** Sends a message (queued until the socket is open) and returns its id. */
  send(message: Outgoing): string;
  /** Stops the answer in progress, for real. */
  stop(): void;
  /** Sends a failed message again. */
  retry(id: string): void;
  /** Opens a fresh socket on the same session. */
  reconnect(): void;
  /** Opens the connection (for `connect: "manual"`). */
  connect(): void;
  /** Closes the conversation. */
  close(): void;
  /** Dismisses `error`. */
  clearError(): void;
  /** The connection, or `null` before it exists. */
  connection: ConversationConnection<Outgoing> | null;
  /** The conversation store, for `useConversation` in child components. */
  store: ConversationHandle<Outgoing>;
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
 *   urlProvider: backendUrlProvider({ endpoint: "/api/presign" }),
 * });
 * ```
 */
export function useAgentRuntimeSocket<Outgoing = string>(
  options: AgentRuntimeSocketOptions<Outgoing>,
): AgentRuntimeSocket<Outgoing> {
  const store = useAgentRuntimeStore(options);
  const state = useConversation(store);
  return useMemo(
    () => ({
      status: state.connection.status,
      messages: state.messages,
      isStreaming: state.isStreaming,
      error: state.error,
      sessionId: state.connection.sessionId === "" ? null : state.connection.sessionId,
      connectionState: state.connection as ConnectionSnapshot<Outgoing>,
      send: store.send,
      stop: store.stop,
      retry: store.retry,
      reconnect: store.reconnect,
      connect: store.connect,
      close: store.close,
      clearError: store.clearError,
      connection: store.connection,
      store,
    }),
    [state, store],
  );
}
