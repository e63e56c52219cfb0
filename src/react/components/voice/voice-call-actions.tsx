"use client";

import { useRef } from "react";
import type { ChatVoice, ChatVoiceSnapshot, VoiceLabels } from "../chat-voice";
import { HoldToTalkButton } from "./hold-to-talk-button";

/** Props of {@link VoiceCallActions}. */
export interface VoiceCallActionsProps {
  voice: ChatVoice;
  snapshot: ChatVoiceSnapshot;
  labels: VoiceLabels;
}

/**
 * A running call's buttons: Interrupt while the agent speaks, Hold to talk in push-to-talk
 * mode, and the Mute toggle.
 */
export function VoiceCallActions({ voice, snapshot, labels }: VoiceCallActionsProps) {
  const mute = useRef<HTMLButtonElement | null>(null);
  const talk = useRef<HTMLButtonElement | null>(null);
  const live = snapshot.state === "listening" || snapshot.state === "agent-speaking";
  const pushToTalk = snapshot.mode === "push-to-talk" && voice.pressToTalk !== undefined;

  const interrupt = () => {
    voice.interrupt();
    // The Interrupt button goes away with the agent's speech: keep focus in the call's controls.
    (talk.current ?? mute.current)?.focus();
  };

  return (
    <div className="acr-voice__actions">
      {snapshot.state === "agent-speaking" && (
        <button
          type="button"
          className="acr-button acr-button--secondary acr-voice__interrupt"
          onClick={interrupt}
        >
          {labels.voiceInterrupt}
        </button>
      )}
      {pushToTalk && live && (
        <HoldToTalkButton
          ref={talk}
          voice={voice}
          talking={snapshot.talking}
          label={labels.voiceHoldToTalk}
        />
      )}
      <button
        ref={mute}
        type="button"
        className="acr-button acr-button--secondary acr-voice__mute"
        aria-pressed={snapshot.muted}
        disabled={!live}
        onClick={() => (snapshot.muted ? voice.unmute() : voice.mute())}
      >
        {labels.voiceMute}
      </button>
    </div>
  );
}
