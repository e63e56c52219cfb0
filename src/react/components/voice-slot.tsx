"use client";

import { Suspense, lazy } from "react";
import type { ChatVoice } from "./chat-voice";
import { LoadBoundary } from "./internal/load-boundary";
import type * as VoiceControls from "./voice/voice-controls";

let loading: Promise<typeof VoiceControls> | undefined;
// One module holds both controls; whichever renders first loads it.
const load = () => (loading ??= import("./voice/voice-controls"));

const VoiceButton = lazy(() => load().then((module) => ({ default: module.VoiceButton })));
const VoicePanel = lazy(() => load().then((module) => ({ default: module.VoicePanel })));

/**
 * The composer's microphone button (`voice` prop), whose code loads on first render; a
 * placeholder keeps the layout until then. A chat whose controls cannot load goes on without.
 */
export function VoiceButtonSlot({ voice }: { voice: ChatVoice }) {
  return (
    <LoadBoundary fallback={null}>
      <Suspense fallback={<span className="acr-composer__voice-placeholder" />}>
        <VoiceButton voice={voice} />
      </Suspense>
    </LoadBoundary>
  );
}

/** The call's row in the composer (status, meter, Mute, Interrupt), loaded with the button. */
export function VoicePanelSlot({ voice, retryLabel }: { voice: ChatVoice; retryLabel: string }) {
  return (
    <LoadBoundary fallback={null}>
      <Suspense fallback={null}>
        <VoicePanel voice={voice} retryLabel={retryLabel} />
      </Suspense>
    </LoadBoundary>
  );
}
