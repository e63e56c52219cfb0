"use client";

import { useEffect } from "react";
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

interface BannerText {
  text: string;
  /** Stable wording to announce, without a ticking countdown. */
  announcement: string;
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

function bannerText(
  kind: ConnectionBannerKind,
  connection: ConnectionSnapshot<unknown>,
  seconds: number | null,
  labels: AgentChatLabels,
): BannerText {
  const same = (text: string): BannerText => ({ text, announcement: text });
  const counting = (text: (seconds: number | null) => string): BannerText => ({
    text: text(seconds),
    announcement: text(null),
  });
  switch (kind) {
    case "connecting":
      return same(labels.connecting);
    case "unreachable":
      return counting(labels.unreachable);
    case "provider-failed": {
      const details = providerDetails(connection.error);
      return counting((left) => labels.providerFailed(details, left));
    }
    case "url-too-short":
      return counting(labels.urlTooShort);
    case "reconnecting":
      return counting(labels.reconnecting);
    case "credentials-expired":
      return counting(labels.credentialsExpired);
    case "offline":
      return same(labels.offline);
    case "failed":
      return same(labels.failed(failureReason(connection, labels)));
    case "closed":
      return same(labels.closed);
  }
}

const TONES: Record<ConnectionBannerKind, ConnectionBannerBehaviour["tone"]> = {
  connecting: "info",
  unreachable: "warning",
  "provider-failed": "warning",
  "url-too-short": "warning",
  reconnecting: "warning",
  "credentials-expired": "warning",
  offline: "warning",
  failed: "error",
  closed: "error",
};

/** The kinds that count down to the next attempt and offer "Retry now". */
const RETRYING = new Set<ConnectionBannerKind>([
  "unreachable",
  "provider-failed",
  "url-too-short",
  "reconnecting",
  "credentials-expired",
]);

/**
 * The connection banner's behaviour: which state to show, its text (announced once per state
 * through the polite live region), and the action that fits it. Use inside `<AgentChat>`.
 */
export function useConnectionBanner(): ConnectionBannerBehaviour {
  const { chat, labels, announce, focusComposer } = useChatContext("ConnectionBanner");
  const connection = useConversation(chat, (state) => state.connection);
  const kind = connectionBannerKind(connection);
  const counting = kind !== null && RETRYING.has(kind);
  const seconds = useSecondsUntil(counting ? connection.nextRetryAt : null);
  const banner = kind ? bannerText(kind, connection, seconds, labels) : null;
  const announcement = banner?.announcement ?? null;
  useEffect(() => {
    if (announcement) announce(announcement);
  }, [announcement, announce]);

  const label = counting
    ? labels.retryNow
    : kind === "failed" || kind === "closed"
      ? labels.reconnect
      : null;
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
    text: banner?.text ?? null,
    tone: kind ? TONES[kind] : "info",
    action,
  };
}
