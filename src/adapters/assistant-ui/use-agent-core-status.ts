"use client";
import { useAuiState } from "@assistant-ui/react";
import type { ConnectionSnapshot } from "../../connection/types";
import {
  connectionBannerKind,
  type ConnectionBannerKind,
} from "../../react/components/behaviour/use-connection-banner";
import { useSecondsUntil } from "../../react/components/internal/use-seconds-until";
import { useConversation } from "../../react/use-conversation";
import type { ConversationState } from "../../store/types";
import { conversationOf } from "./extras";

/** The connection as a status line shows it; see {@link useAgentCoreStatus}. */
export interface AgentCoreStatus {
  /**
   * What to tell the user, or `null` while all is well (open, or idle between runs):
   * `connecting`, `reconnecting` (the stream was lost), `credentials-expired` (1008: a fresh URL
   * is being fetched), `provider-failed`, `url-too-short`, `unreachable` (never opened yet),
   * `offline`, `failed` (gave up; `reconnect()` starts again) or `closed`.
   */
  kind: ConnectionBannerKind | null;
  /** Whole seconds until the next attempt while waiting on backoff, ticking; else `null`. */
  retryInSeconds: number | null;
  /** The last error worth showing (provider, socket, agent, a refused send), or `null`. */
  error: Error | null;
  /** The connection's full snapshot: `status`, `reason`, `attempt`, `online`, the outbox. */
  connection: ConnectionSnapshot<unknown>;
  /** Drops the socket and connects now ("Retry now", "Reconnect"). */
  reconnect(): void;
}

function selectConnection(state: ConversationState<unknown>): ConnectionSnapshot<unknown> {
  return state.connection;
}

function selectError(state: ConversationState<unknown>): Error | null {
  return state.error;
}

/**
 * The connection status of the thread a `useAgentCoreRuntime` runtime drives, for any component
 * inside its `<AssistantRuntimeProvider>`: reconnecting in N s, offline, expired credentials,
 * failed. assistant-ui's own state has no place for it; answers cut by the connection show as
 * messages with status `incomplete` (`reason: "error"`).
 *
 * @throws {Error} inside a provider whose runtime does not come from this adapter.
 */
export function useAgentCoreStatus(): AgentCoreStatus {
  const conversation = useAuiState((state) => conversationOf(state.thread.extras));
  if (!conversation) {
    throw new Error("useAgentCoreStatus needs a runtime from useAgentCoreRuntime");
  }
  const connection = useConversation(conversation, selectConnection);
  const error = useConversation(conversation, selectError);
  const kind = connectionBannerKind(connection);
  const waiting = connection.status === "reconnecting" || connection.status === "connecting";
  const retryInSeconds = useSecondsUntil(waiting ? connection.nextRetryAt : null);
  return { kind, retryInSeconds, error, connection, reconnect: () => conversation.reconnect() };
}
