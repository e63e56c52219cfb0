"use client";

import type { ReactNode } from "react";
import type { ChatVoice } from "./chat-voice";
import { StopButton } from "./stop-button";
import { VoiceSlot } from "./voice-slot";

/** Props of {@link ComposerActions}. */
export interface ComposerActionsProps {
  /** The buttons before Send; `undefined` for the default Stop button. */
  actions: ReactNode;
  sendLabel: string;
  canSubmit: boolean;
  /** What Send waits for, when it does. */
  sendDescribedBy: string | undefined;
  /** With a voice, the microphone button follows Send. */
  voice: ChatVoice | null;
  /** The chat's Retry text, for a failed call. */
  retryLabel: string;
}

/** The composer's buttons: Stop (or the app's), Send, and the microphone with a voice. */
export function ComposerActions({
  actions,
  sendLabel,
  canSubmit,
  sendDescribedBy,
  voice,
  retryLabel,
}: ComposerActionsProps) {
  return (
    <div className="acr-composer__actions">
      {actions === undefined ? <StopButton /> : actions}
      <button
        type="submit"
        className="acr-button acr-button--primary acr-composer__send"
        disabled={!canSubmit}
        aria-label={sendLabel}
        aria-describedby={sendDescribedBy}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">
          <path d="M12 19V5m-7 7 7-7 7 7" />
        </svg>
      </button>
      {voice && <VoiceSlot part="button" voice={voice} retryLabel={retryLabel} />}
    </div>
  );
}
