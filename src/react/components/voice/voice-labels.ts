import type { VoiceLabels } from "../chat-voice";

/** English texts of the voice controls; the chat's `labels` override any of them. */
export const defaultVoiceLabels: VoiceLabels = {
  voice: "Voice conversation",
  voiceConnecting: "Connecting microphone…",
  voiceListening: "Listening…",
  voiceAgentSpeaking: "Agent speaking",
  voiceMuted: "Muted",
  voiceHoldToTalkHint: "Hold to talk",
  voiceTalking: "Listening while you hold…",
  voiceHoldToTalk: "Hold to talk",
  voiceMute: "Mute",
  voiceInterrupt: "Interrupt",
  voiceEnded: "Voice conversation ended",
  voiceControls: "Voice conversation controls",
  voiceError: (_code, message) => message,
};

/** The voice texts of the chat's labels, the defaults filling in what they leave out. */
export function resolveVoiceLabels(labels: Partial<VoiceLabels>): VoiceLabels {
  const given = Object.entries(labels).filter(
    ([key, value]) => key in defaultVoiceLabels && value !== undefined,
  );
  return { ...defaultVoiceLabels, ...Object.fromEntries(given) };
}
