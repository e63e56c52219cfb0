"use client";

import { useEffect, type ReactNode } from "react";
import type { ConnectionSnapshot } from "../../connection/types";
import { useChatContext, useChatSelector } from "./chat-context";
import { cx } from "./internal/cx";
import { useSecondsUntil } from "./internal/use-seconds-until";
import type { AgentChatLabels } from "./labels";

/** What the banner shows, derived from the connection snapshot. */
export type ConnectionBannerKind =
  "connecting" | "reconnecting" | "credentials-expired" | "offline" | "failed" | "closed";

/** Close code the service uses when it refuses (expired) credentials. */
const POLICY_VIOLATION = 1008;

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
    return connection.lastCloseCode === POLICY_VIOLATION ? "credentials-expired" : "reconnecting";
  }
  if (connection.status === "connecting") return "connecting";
  return null;
}

/** Props of {@link ConnectionBanner}. */
export interface ConnectionBannerProps {
  className?: string;
  /** Draws the banner yourself; return `undefined` to keep the default. */
  render?: (
    kind: ConnectionBannerKind,
    connection: ConnectionSnapshot<unknown>,
  ) => ReactNode | undefined;
}

interface BannerText {
  text: string;
  /** Stable wording to announce, without a ticking countdown. */
  announcement: string;
}

function bannerText(
  kind: ConnectionBannerKind,
  connection: ConnectionSnapshot<unknown>,
  seconds: number | null,
  labels: AgentChatLabels,
): BannerText {
  switch (kind) {
    case "connecting":
      return { text: labels.connecting, announcement: labels.connecting };
    case "reconnecting":
      return { text: labels.reconnecting(seconds), announcement: labels.reconnecting(null) };
    case "credentials-expired":
      return {
        text: labels.credentialsExpired(seconds),
        announcement: labels.credentialsExpired(null),
      };
    case "offline":
      return { text: labels.offline, announcement: labels.offline };
    case "failed": {
      const text = labels.failed(connection.reason ?? connection.error?.message ?? null);
      return { text, announcement: text };
    }
    case "closed":
      return { text: labels.closed, announcement: labels.closed };
  }
}

/**
 * The connection banner: connecting, reconnecting in N s with "Retry now", offline, failed with
 * the reason, closed with "Reconnect". Renders nothing while the connection is fine. Each new
 * state is announced once through the polite live region.
 */
export function ConnectionBanner({ className, render }: ConnectionBannerProps) {
  const { chat, labels, announce, focusComposer } = useChatContext("ConnectionBanner");
  const connection = useChatSelector("ConnectionBanner", (state) => state.connection);
  const kind = connectionBannerKind(connection);
  const seconds = useSecondsUntil(
    kind === "reconnecting" || kind === "credentials-expired" ? connection.nextRetryAt : null,
  );
  const banner = kind ? bannerText(kind, connection, seconds, labels) : null;
  const announcement = banner?.announcement ?? null;

  useEffect(() => {
    if (announcement) announce(announcement);
  }, [announcement, announce]);

  if (!kind || !banner) return null;
  const custom = render?.(kind, connection);
  if (custom !== undefined) return <>{custom}</>;

  const action =
    kind === "reconnecting" || kind === "credentials-expired"
      ? labels.retryNow
      : kind === "failed" || kind === "closed"
        ? labels.reconnect
        : null;
  const tone =
    kind === "failed" || kind === "closed" ? "error" : kind === "connecting" ? "info" : "warning";

  return (
    <div className={cx("acr-connection-banner", className)} data-kind={kind} data-tone={tone}>
      <p className="acr-connection-banner__text">{banner.text}</p>
      {action && chat.reconnect && (
        <button
          type="button"
          className="acr-button acr-button--secondary acr-connection-banner__action"
          onClick={() => {
            chat.reconnect?.();
            focusComposer();
          }}
        >
          {action}
        </button>
      )}
    </div>
  );
}
