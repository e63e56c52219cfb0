"use client";

// The voice controls `<AgentChat voice>` loads with `import()` on first render, so a chat
// without a voice does not carry them.
import type { VoiceSlotProps } from "../voice-slot";
import { VoiceButton } from "./voice-button";
import { VoicePanel } from "./voice-panel";

/** The part of the voice controls a slot of the composer shows. */
export default function VoiceControls({ part, voice, retryLabel }: VoiceSlotProps) {
  return part === "button" ? (
    <VoiceButton voice={voice} />
  ) : (
    <VoicePanel voice={voice} retryLabel={retryLabel} />
  );
}
