"use client";

import { useEffect, useRef } from "react";
import type { ChatVoice } from "../chat-voice";
import { useVoice } from "./use-voice";
import { inCall, voiceStatus } from "./voice-status";

/** Props of the composer's microphone button. */
export interface VoiceButtonProps {
  voice: ChatVoice;
}

/**
 * The composer's microphone toggle: starts the call, pressed while it runs, ends it. It also
 * says each change of the call's status through the chat's polite live region.
 */
export function VoiceButton({ voice }: VoiceButtonProps) {
  const { snapshot, labels, announce } = useVoice(voice, "VoiceButton");
  const on = inCall(snapshot);
  const status = voiceStatus(snapshot, labels);
  const said = useRef<string | null>(null);
  useEffect(() => {
    const text = status ?? (said.current === null ? null : labels.voiceEnded);
    if (text !== null && text !== said.current) announce(text);
    said.current = status;
  }, [status, labels, announce]);

  return (
    <button
      type="button"
      className="acr-button acr-composer__voice"
      aria-label={labels.voice}
      aria-pressed={on}
      data-state={snapshot.state}
      onClick={() => (on ? voice.stop() : void voice.start())}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">
        <rect x="9" y="3" width="6" height="11" rx="3" />
        <path d="M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21" />
      </svg>
    </button>
  );
}
