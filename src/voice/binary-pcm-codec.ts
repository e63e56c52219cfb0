import type { AgentEvent, Codec, IncomingFrame } from "../codecs/types";
import { frameToText } from "../codecs/frame-text";
import { isRecord } from "../core/option-checks";

/**
 * The `custom` event names the voice codecs decode to; `AgentVoice` listens for them. Binary
 * PCM frames become `voice.audio` events whose `value` is the frame's `ArrayBuffer`.
 */
export const VOICE_EVENT = {
  /** Agent audio: `value` is an `ArrayBuffer` of PCM16 little-endian samples. */
  audio: "voice.audio",
  /** The agent finished its audio for this turn. */
  audioEnd: "voice.audio-end",
  /** The agent stopped talking because the user interrupted it: queued audio is dropped. */
  interrupted: "voice.interrupted",
  /** A transcript: `value` is a {@link VoiceTranscript}. */
  transcript: "voice.transcript",
} as const;

/** What was said, by whom; partial transcripts are followed by a `final` one. */
export interface VoiceTranscript {
  role: "user" | "assistant";
  text: string;
  final: boolean;
}

const MALFORMED: AgentEvent = {
  type: "error",
  message: "The binary PCM codec could not read a text frame (JSON object expected)",
  code: "malformed-frame",
};

function custom(name: string, value?: unknown): AgentEvent[] {
  return [{ type: "custom", name, value }];
}

function audioBuffer(frame: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (frame instanceof ArrayBuffer) return frame;
  const copy = new Uint8Array(frame.byteLength);
  copy.set(frame);
  return copy.buffer;
}

function controlEvents(message: Record<string, unknown>): AgentEvent[] {
  switch (message.type) {
    case "transcript": {
      const { role, text, final } = message;
      if ((role !== "user" && role !== "assistant") || typeof text !== "string") return [MALFORMED];
      const transcript: VoiceTranscript = { role, text, final: final !== false };
      return custom(VOICE_EVENT.transcript, transcript);
    }
    case "interrupted":
      return custom(VOICE_EVENT.interrupted);
    case "audio-end":
      return custom(VOICE_EVENT.audioEnd);
    case "error": {
      const text = typeof message.message === "string" ? message.message : "The agent failed";
      return [{ type: "error", message: text, code: "agent-error" }];
    }
    default:
      return custom("voice.message", message);
  }
}

/**
 * The codec of agents that stream raw audio (docs/voice.md): binary frames carry PCM16
 * little-endian mono audio both ways (16 kHz from the client, 24 kHz from the agent by
 * default), text frames carry JSON control messages:
 *
 * - agent to client: `{"type":"transcript","role":"user"|"assistant","text":"…","final":true}`,
 *   `{"type":"interrupted"}`, `{"type":"audio-end"}`, `{"type":"error","message":"…"}`;
 * - client to agent: `{"type":"interrupt"}` (barge-in), `{"type":"text","text":"…"}` (typed).
 */
export function binaryPcmCodec(): Codec<string> {
  return {
    name: "binary-pcm",
    encode: (text) => JSON.stringify({ type: "text", text }),
    cancel: () => JSON.stringify({ type: "interrupt" }),
    decode(frame: IncomingFrame): AgentEvent[] {
      if (typeof frame !== "string") return custom(VOICE_EVENT.audio, audioBuffer(frame));
      let parsed: unknown;
      try {
        parsed = JSON.parse(frameToText(frame));
      } catch {
        return [MALFORMED];
      }
      return isRecord(parsed) ? controlEvents(parsed) : [MALFORMED];
    },
  };
}
