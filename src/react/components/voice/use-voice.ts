import { useMemo, useSyncExternalStore } from "react";
import { useChatContext } from "../chat-context";
import type { ChatVoice, ChatVoiceSnapshot, VoiceLabels } from "../chat-voice";
import { resolveVoiceLabels } from "./voice-labels";

/** What the voice controls read: the call's snapshot, the voice texts and the announcer. */
export interface VoiceView {
  snapshot: ChatVoiceSnapshot;
  labels: VoiceLabels;
  announce(text: string): void;
}

/** The call's snapshot as state, with the chat's voice texts. */
export function useVoice(voice: ChatVoice, part: string): VoiceView {
  const { labels, announce } = useChatContext(part);
  const snapshot = useSyncExternalStore(voice.subscribe, voice.getSnapshot, voice.getSnapshot);
  const voiceLabels = useMemo(() => resolveVoiceLabels(labels), [labels]);
  return { snapshot, labels: voiceLabels, announce };
}
