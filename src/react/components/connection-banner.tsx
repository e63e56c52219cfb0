"use client";

import type { ReactNode } from "react";
import type { ConnectionSnapshot } from "../../connection/types";
import { useConnectionBanner, type ConnectionBannerKind } from "./behaviour/use-connection-banner";
import { cx } from "./internal/cx";

export { connectionBannerKind, type ConnectionBannerKind } from "./behaviour/use-connection-banner";

/** Props of {@link ConnectionBanner}. */
export interface ConnectionBannerProps {
  className?: string;
  /** Draws the banner yourself; return `undefined` to keep the default. */
  render?: (
    kind: ConnectionBannerKind,
    connection: ConnectionSnapshot<unknown>,
  ) => ReactNode | undefined;
}

/**
 * The connection banner: connecting, reconnecting in N s with "Retry now", offline, failed with
 * the reason, closed with "Reconnect". Renders nothing while the connection is fine. Each new
 * state is announced once through the polite live region. Its behaviour is
 * {@link useConnectionBanner}.
 */
export function ConnectionBanner({ className, render }: ConnectionBannerProps) {
  const { kind, connection, text, tone, action } = useConnectionBanner();
  if (!kind) return null;
  const custom = render?.(kind, connection);
  if (custom !== undefined) return <>{custom}</>;
  return (
    <div className={cx("acr-connection-banner", className)} data-kind={kind} data-tone={tone}>
      <p className="acr-connection-banner__text">{text}</p>
      {action && (
        <button
          type="button"
          className="acr-button acr-button--secondary acr-connection-banner__action"
          onClick={action.run}
        >
          {action.label}
        </button>
      )}
    </div>
  );
}
