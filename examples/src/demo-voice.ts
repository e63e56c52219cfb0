import { useEffect, useState } from "react";
import type { Conversation } from "./lib";
import { AgentVoice, binaryPcmCodec, voiceTransport, type VoiceTransport } from "./lib-voice";

/** What voice mode adds to the conversation: its codec and the socket audio goes onto. */
export interface DemoVoiceSetup {
  codec: ReturnType<typeof binaryPcmCodec>;
  transport: VoiceTransport;
}

/** The codec and transport of voice mode (`--agent voice`), or `null` for a text agent. */
export function demoVoiceSetup(voice: boolean): DemoVoiceSetup | null {
  return voice ? { codec: binaryPcmCodec(), transport: voiceTransport() } : null;
}

/**
 * The call of voice mode, on the page's conversation: `AgentVoice` reads the agent's audio
 * and transcripts from the store's events (the store passes on every event its connection
 * decodes), and sends the microphone on the socket the transport saw opened. Stopped on unmount.
 */
export function useDemoVoice(
  conversation: Conversation,
  setup: DemoVoiceSetup | null,
): AgentVoice | null {
  const [voice] = useState(
    () =>
      setup &&
      new AgentVoice({ connection: conversation, transport: setup.transport, codec: setup.codec }),
  );
  useEffect(() => () => voice?.stop(), [voice]);
  return voice;
}
