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
  "connecting" | "reconnecting" | "credentials-expired" | "offline" | "failed" | "closed";

/** Picks the banner for a connection snapshot; `null` when all is well (open or idle). */
export function connectionBannerKind(
  connection: ConnectionSnapshot<unknown>,
): ConnectionBannerKind | null {
  if (connection.status === "closed") return "closed";
  if (connection.status === "failed") return "failed";
  if (!connection.online) return "offline";
  if (
    connection.status === "reconnecting" ||
    (connection.status === "connecting" && connection.attempt > 0)
  ) {
    return connection.lastCloseCode === CLOSE_CODES.policyViolation
      ? "credentials-expired"
      : "reconnecting";
  }
  if (connection.status === "connecting") return "connecting";
  return null;
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
  switch (kind) {
    case "connecting":
      return same(labels.connecting);
    case "reconnecting":
      return { text: labels.reconnecting(seconds), announcement: labels.reconnecting(null) };
    case "credentials-expired":
      return {
        text: labels.credentialsExpired(seconds),
        announcement: labels.credentialsExpired(null),
      };
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
  reconnecting: "warning",
  "credentials-expired": "warning",
  offline: "warning",
  failed: "error",
  closed: "error",
};

/**
 * The connection banner's behaviour: which state to show, its text (announced once per state
 * through the polite live region), and the action that fits it. Use inside `<AgentChat>`.
 */
export function useConnectionBanner(): ConnectionBannerBehaviour {
  const { chat, labels, announce, focusComposer } = useChatContext("ConnectionBanner");
  const connection = useConversation(chat, (state) => state.connection);
  const kind = connectionBannerKind(connection);
  const counting = kind === "reconnecting" || kind === "credentials-expired";
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
