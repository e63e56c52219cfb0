import type { Codec } from "../codecs/types";

/** The audio formats of a call, as `AgentVoice` resolved them. */
export interface VoiceCallFormat {
  /** What the agent takes (PCM16 mono), in Hz. */
  inputRate: number;
  /** What the agent sends (PCM16 mono), in Hz. */
  outputRate: number;
}

/**
 * How one call's frames look on the wire: what `AgentVoice` sends around the microphone's
 * PCM16 chunks. Made per call by a {@link VoiceCodec}'s `voice` function.
 */
export interface VoiceFraming {
  /** Frames that open the call on a socket, sent before its first audio frame (on each new socket). */
  open(): string[];
  /** One chunk of PCM16 little-endian mono as a frame (binary, or text such as base64 in JSON). */
  audio(pcm: ArrayBuffer): string | ArrayBuffer;
  /** The frame telling the agent the user talked over it; `undefined` where the agent detects it itself. */
  interrupt(): string | undefined;
  /** Frames that end the call, sent on `stop()` when the socket is open. */
  close(): string[];
}

/**
 * A codec that also frames a call's audio: give the same object to the connection (`codec`)
 * and to `AgentVoice` (`codec`). `binaryPcmCodec()`, `novaSonicCodec()` and
 * `strandsBidiCodec()` are such codecs.
 */
export interface VoiceCodec extends Codec<string> {
  /** Makes the framing of one call. */
  voice(format: VoiceCallFormat): VoiceFraming;
}

const INTERRUPT = JSON.stringify({ type: "interrupt" });

/** The binary PCM framing: raw PCM16 binary frames and `{"type":"interrupt"}`. */
export function binaryPcmFraming(): VoiceFraming {
  return { open: () => [], audio: (pcm) => pcm, interrupt: () => INTERRUPT, close: () => [] };
}
