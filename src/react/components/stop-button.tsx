"use client";

import { useStopButton } from "./behaviour/use-stop-button";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";

/** Props of {@link StopButton}. */
export interface StopButtonProps {
  className?: string;
}

/**
 * Ends the answer in progress. Rendered only while an answer streams; focus then returns to the
 * composer. In the composer the default theme shows it as an icon in Send's place.
 */
export function StopButton({ className }: StopButtonProps) {
  const { labels } = useChatContext("StopButton");
  const { streaming, stop } = useStopButton();
  if (!streaming) return null;
  return (
    <button
      type="button"
      className={cx("acr-button acr-button--secondary acr-stop-button", className)}
      onClick={stop}
    >
      <span className="acr-stop-button__icon" aria-hidden="true" />
      <span className="acr-stop-button__label">{labels.stop}</span>
    </button>
  );
}
