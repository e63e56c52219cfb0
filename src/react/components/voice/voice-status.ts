import type { ChatVoiceSnapshot, VoiceLabels } from "../chat-voice";

/** A call is on from asking for the microphone until it stops or fails. */
export function inCall({ state }: ChatVoiceSnapshot): boolean {
  return state === "requesting-permission" || state === "listening" || state === "agent-speaking";
}

/** The call's status in words, or `null` when there is no call to speak of. */
export function voiceStatus(snapshot: ChatVoiceSnapshot, labels: VoiceLabels): string | null {
  const { state, muted, mode, talking, error } = snapshot;
  switch (state) {
    case "requesting-permission":
      return labels.voiceConnecting;
    case "agent-speaking":
      return labels.voiceAgentSpeaking;
    case "listening":
      if (muted) return labels.voiceMuted;
      if (mode === "push-to-talk")
        return talking ? labels.voiceTalking : labels.voiceHoldToTalkHint;
      return labels.voiceListening;
    case "failed":
      return error ? labels.voiceError(error.code, error.message) : null;
    default:
      return null;
  }
}
