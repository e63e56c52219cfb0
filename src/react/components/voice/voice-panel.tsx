"use client";

import { useRef } from "react";
import type { ChatVoice } from "../chat-voice";
import { useChatContext } from "../chat-context";
import { useLevelMeter } from "./use-level-meter";
import { usePartialTranscript } from "./use-partial-transcript";
import { useVoice } from "./use-voice";
import { VoiceCallActions } from "./voice-call-actions";
import { inCall, voiceStatus } from "./voice-status";

/** Props of the composer's voice panel. */
export interface VoicePanelProps {
  voice: ChatVoice;
  /** The chat's Retry text (the panel's Retry restarts a failed call). */
  retryLabel: string;
}

/**
 * The call's row in the composer while a call runs or after it failed: a level meter, the
 * status in words, Mute, push-to-talk, Interrupt while the agent speaks, and a failure's
 * message with Retry. The status is also announced, by the microphone button.
 */
export function VoicePanel({ voice, retryLabel }: VoicePanelProps) {
  const { snapshot, labels } = useVoice(voice, "VoicePanel");
  const root = useRef<HTMLDivElement | null>(null);
  const live = snapshot.state === "listening" || snapshot.state === "agent-speaking";
  useLevelMeter(voice, root, live && !snapshot.muted);
  const { chat, labels: chatLabels } = useChatContext("VoicePanel");
  const partial = usePartialTranscript(chat, inCall(snapshot));
  const failed = snapshot.state === "failed";
  if (!inCall(snapshot) && !failed) return null;

  return (
    <div
      ref={root}
      className="acr-voice"
      role="group"
      aria-label={labels.voiceControls}
      data-state={snapshot.state}
      data-muted={snapshot.muted || undefined}
    >
      {!failed && (
        <span className="acr-voice__meter" aria-hidden="true">
          <span className="acr-voice__level" />
        </span>
      )}
      <p className={failed ? "acr-voice__status acr-voice__error" : "acr-voice__status"}>
        {voiceStatus(snapshot, labels)}
      </p>
      {failed ? (
        <div className="acr-voice__actions">
          <button
            type="button"
            className="acr-button acr-button--secondary"
            onClick={() => void voice.start()}
          >
            {retryLabel}
          </button>
        </div>
      ) : (
        <VoiceCallActions voice={voice} snapshot={snapshot} labels={labels} />
      )}
      {partial && (
        <p className="acr-voice__caption">
          <span className="acr-voice__speaker">
            {partial.role === "user" ? chatLabels.userName : chatLabels.assistantName}
          </span>{" "}
          {partial.text}
        </p>
      )}
    </div>
  );
}
