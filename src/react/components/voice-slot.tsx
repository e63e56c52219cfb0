"use client";

import { Suspense, lazy } from "react";
import type { ChatVoice } from "./chat-voice";
import { LoadBoundary } from "./internal/load-boundary";

const VoiceControls = lazy(() => import("./voice/voice-controls"));

/** Props of {@link VoiceSlot}. */
export interface VoiceSlotProps {
  /** The microphone button (after Send), or the call's row (status, meter, Mute, Interrupt). */
  part: "button" | "panel";
  voice: ChatVoice;
  /** The chat's Retry text, for a failed call. */
  retryLabel: string;
}

/**
 * Where the composer shows its voice controls (`voice` prop), whose code loads on first
 * render; the button's placeholder keeps the layout until then. A chat whose controls cannot
 * load goes on without them.
 */
export function VoiceSlot(props: VoiceSlotProps) {
  return (
    <LoadBoundary fallback={null}>
      <Suspense
        fallback={props.part === "button" && <span className="acr-composer__voice-placeholder" />}
      >
        <VoiceControls {...props} />
      </Suspense>
    </LoadBoundary>
  );
}
