import type { AgentEvent, IncomingFrame } from "../codecs/types";
import { frameToText } from "../codecs/frame-text";
import { fromBase64, toBase64 } from "./base64";
import { strandsToolEvents } from "./strands-bidi-tools";
import type { VoiceCodec } from "./voice-codec";
import { jsonObject, transcriptEvents, VOICE_EVENT, voiceEvent } from "./voice-events";

const MALFORMED: AgentEvent = {
  type: "error",
  message: 'The Strands bidi codec could not read a frame ({"type":"bidi_…"} JSON expected)',
  code: "malformed-frame",
};

function text(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/**
 * The codec of Strands Agents `BidiAgent`s whose WebSocket carries the agent's bidirectional
 * events as JSON (docs/voice.md; the events of strands-agents `experimental.bidi`, which may
 * change):
 *
 * - client to agent: `{"type":"bidi_audio_input","audio":"<base64>","format":"pcm",
 *   "sample_rate":16000,"channels":1}`, and typed text as `{"type":"bidi_text_input",
 *   "text":"…","role":"user"}`. No interrupt event: the model hears the user talk over it.
 * - agent to client: `bidi_audio_stream` (base64 PCM16), `bidi_transcript_stream` (`role`,
 *   `text`, `is_final`; final ones become messages in the conversation), `bidi_interruption`
 *   (barge-in), `bidi_response_complete` (the turn's audio is over), `bidi_error` (an `error`
 *   event), `tool_use_stream` and `tool_result` (the agent's tool calls and their results, in
 *   the conversation: see `strands-bidi-tools.ts`); the others (`bidi_connection_start`,
 *   `bidi_connection_restart`, `bidi_response_start`, `bidi_usage`, …) become `voice.message`
 *   events.
 */
export function strandsBidiCodec(): VoiceCodec {
  const transcripts = transcriptEvents();
  const tools = new Set<string>();
  const handle = (event: Record<string, unknown>): AgentEvent[] => {
    switch (event.type) {
      case "bidi_audio_stream": {
        const pcm = event.format === "pcm" ? fromBase64(text(event.audio) ?? "") : undefined;
        return pcm ? voiceEvent(VOICE_EVENT.audio, pcm) : [MALFORMED];
      }
      case "bidi_transcript_stream": {
        const { role, is_final: final } = event;
        const said =
          final === true ? text(event.text) : (text(event.current_transcript) ?? text(event.text));
        if ((role !== "user" && role !== "assistant") || said === undefined) return [MALFORMED];
        return transcripts({ role, text: said, final: final === true });
      }
      case "bidi_interruption":
        return voiceEvent(VOICE_EVENT.interrupted);
      case "bidi_response_complete":
        return voiceEvent(VOICE_EVENT.audioEnd);
      case "bidi_error": {
        const message = text(event.message) ?? "The agent failed";
        return [{ type: "error", message, code: text(event.code) ?? "agent-error" }];
      }
      default:
        return strandsToolEvents(event, tools) ?? voiceEvent(VOICE_EVENT.message, event);
    }
  };
  return {
    name: "strands-bidi",
    encode: (typed) => JSON.stringify({ type: "bidi_text_input", text: typed, role: "user" }),
    voice: ({ inputRate }) => ({
      open: () => [],
      audio: (pcm) =>
        JSON.stringify({
          type: "bidi_audio_input",
          audio: toBase64(pcm),
          format: "pcm",
          sample_rate: inputRate,
          channels: 1,
        }),
      interrupt: () => undefined,
      close: () => [],
    }),
    decode(frame: IncomingFrame): AgentEvent[] {
      const event = jsonObject(frameToText(frame));
      return event ? handle(event) : [MALFORMED];
    },
  };
}
