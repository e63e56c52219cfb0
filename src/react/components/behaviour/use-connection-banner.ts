"use client";

import { useEffect, useRef } from "react";
import { CLOSE_CODES } from "../../../connection/close-policy";
import type { ConnectionSnapshot } from "../../../connection/types";
import { useConversation } from "../../use-conversation";
import { useChatContext } from "../chat-context";
import { useSecondsUntil } from "../internal/use-seconds-until";
import type { AgentChatLabels } from "../labels";

/** What the banner shows, derived from the connection snapshot. */
export type ConnectionBannerKind =
  | "connecting"
  | "unreachable"
  | "provider-failed"
  | "url-too-short"
  | "reconnecting"
  | "credentials-expired"
  | "offline"
  | "failed"
  | "closed";

/** Why an attempt failed, as far as the banner tells them apart. */
function failureKind(connection: ConnectionSnapshot<unknown>): ConnectionBannerKind | null {
  const { reason } = connection;
  if (reason === "provider-failed" || reason === "provider-timeout") return "provider-failed";
  if (reason === "expired-url") return "url-too-short";
  if (connection.lastCloseCode === CLOSE_CODES.policyViolation) return "credentials-expired";
  return null;
}

/** Picks the banner for a connection snapshot; `null` when all is well (open or idle). */
export function connectionBannerKind(
  connection: ConnectionSnapshot<unknown>,
): ConnectionBannerKind | null {
  if (connection.status === "closed") return "closed";
  if (connection.status === "failed") return "failed";
  if (!connection.online) return "offline";
  if (connection.status === "reconnecting") return failureKind(connection) ?? "reconnecting";
  if (connection.status !== "connecting") return null;
  // Never connected yet: a failure is not "connection lost".
  if (connection.attempt > 0) return failureKind(connection) ?? "unreachable";
  return "connecting";
}

/** The banner's behaviour, for a banner of your own. */
export interface ConnectionBannerBehaviour {
  /** What to show, or `null` while the connection is fine. */
  kind: ConnectionBannerKind | null;
  connection: ConnectionSnapshot<unknown>;
  /** The text to show (with a ticking countdown while reconnecting). */
  text: string | null;
  /** `error` when the conversation ended, `info` while connecting, `warning` otherwise. */
  tone: "info" | "warning" | "error";
  /** "Retry now" or "Reconnect", when the chat can reconnect; returns focus to the composer. */
  action: { label: string; run(): void } | null;
}

/** Where a provider failed and with which HTTP status, as its error says (`backendUrlProvider`'s do). */
function providerDetails(error: Error | null): { endpoint?: string; status?: number } {
  const details: { endpoint?: string; status?: number } = {};
  if (error && "endpoint" in error && typeof error.endpoint === "string") {
    details.endpoint = error.endpoint;
  }
  if (error && "status" in error && typeof error.status === "number") details.status = error.status;
  return details;
}

function failureReason(connection: ConnectionSnapshot<unknown>, labels: AgentChatLabels) {
  if (connection.reason) return labels.connectionReasons[connection.reason];
  return connection.error?.message ?? null;
}

/**
 * The text of a kind that counts down to the next attempt (and offers "Retry now"), given the
 * seconds left; `null` for the others.
 */
function countdownText(
  kind: ConnectionBannerKind,
  connection: ConnectionSnapshot<unknown>,
  labels: AgentChatLabels,
): ((seconds: number | null) => string) | null {
  switch (kind) {
    case "unreachable":
      return labels.unreachable;
    case "provider-failed": {
      const details = providerDetails(connection.error);
      return (seconds) => labels.providerFailed(details, seconds);
    }
    case "url-too-short":
      return labels.urlTooShort;
    case "reconnecting":
      return labels.reconnecting;
    case "credentials-expired":
      return labels.credentialsExpired;
    default:
      return null;
  }
}

/** The text of a kind that does not count down. */
function steadyText(
  kind: ConnectionBannerKind,
  connection: ConnectionSnapshot<unknown>,
  labels: AgentChatLabels,
): string {
  if (kind === "connecting") return labels.connecting;
  if (kind === "offline") return labels.offline;
  if (kind === "closed") return labels.closed;
  return labels.failed(failureReason(connection, labels));
}

/**
 * The connection banner's behaviour: which state to show, its text (announced once per state
 * through the polite live region), and the action that fits it. Use inside `<AgentChat>`.
 */
export function useConnectionBanner(): ConnectionBannerBehaviour {
  const { chat, labels, announce, focusComposer } = useChatContext("ConnectionBanner");
  const connection = useConversation(chat, (state) => state.connection);
  const kind = connectionBannerKind(connection);
  const countdown = kind && countdownText(kind, connection, labels);
  const seconds = useSecondsUntil(countdown ? connection.nextRetryAt : null);
  const steady = kind && !countdown ? steadyText(kind, connection, labels) : null;
  // Announced without the ticking countdown, so it is said once per state. When the banner
  // goes, "Connected." replaces what the region last said about the connection.
  const announcement = countdown ? countdown(null) : steady;
  const announced = useRef(false);
  useEffect(() => {
    if (announcement) announce(announcement);
    else if (announced.current) announce(labels.connected);
    announced.current = announcement !== null;
  }, [announcement, announce, labels]);

  const ended = kind === "failed" || kind === "closed";
  const label = countdown ? labels.retryNow : ended ? labels.reconnect : null;
  const { reconnect } = chat;
  const action =
    label && reconnect
      ? {
          label,
          run: () => {
            reconnect();
            focusComposer();
          },
        }
      : null;
  return {
    kind,
    connection,
    text: countdown ? countdown(seconds) : steady,
    tone: ended ? "error" : kind && kind !== "connecting" ? "warning" : "info",
    action,
  };
}
