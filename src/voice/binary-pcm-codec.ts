import type { AgentEvent, AgentReply, IncomingFrame } from "../codecs/types";
import { frameToText } from "../codecs/frame-text";
import { binaryPcmFraming, type VoiceCodec } from "./voice-codec";
import { asText } from "../codecs/text-shapes";
import {
  jsonObject,
  toolCallEvents,
  transcriptEvents,
  VOICE_EVENT,
  voiceEvent,
  type VoiceTranscript,
} from "./voice-events";

export { VOICE_EVENT, type VoiceTranscript } from "./voice-events";

const MALFORMED: AgentEvent = {
  type: "error",
  message: "The binary PCM codec could not read a text frame (JSON object expected)",
  code: "malformed-frame",
};

function audioBuffer(frame: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (frame instanceof ArrayBuffer) return frame;
  const copy = new Uint8Array(frame.byteLength);
  copy.set(frame);
  return copy.buffer;
}

function controlEvents(
  message: Record<string, unknown>,
  transcripts: (transcript: VoiceTranscript) => AgentEvent[],
): AgentEvent[] {
  switch (message.type) {
    case "transcript": {
      const { role, text, final } = message;
      if ((role !== "user" && role !== "assistant") || typeof text !== "string") return [MALFORMED];
      return transcripts({ role, text, final: final !== false });
    }
    case "interrupted":
      return voiceEvent(VOICE_EVENT.interrupted);
    case "audio-end":
      return voiceEvent(VOICE_EVENT.audioEnd);
    case "tool_call": {
      const { toolCallId, name, args } = message;
      if (typeof toolCallId !== "string" || typeof name !== "string") return [MALFORMED];
      return toolCallEvents(toolCallId, name, asText(args ?? {}));
    }
    case "tool_result": {
      const { toolCallId, content } = message;
      if (typeof toolCallId !== "string") return [MALFORMED];
      return [{ type: "tool-call-result", toolCallId, content: asText(content ?? "") }];
    }
    case "error": {
      const text = typeof message.message === "string" ? message.message : "The agent failed";
      return [{ type: "error", message: text, code: "agent-error" }];
    }
    default:
      return voiceEvent(VOICE_EVENT.message, message);
  }
}

/**
 * The codec of agents that stream raw audio (docs/voice.md): binary frames carry PCM16
 * little-endian mono audio both ways (16 kHz from the client, 24 kHz from the agent by
 * default), text frames carry JSON control messages:
 *
 * - agent to client: `{"type":"transcript","role":"user"|"assistant","text":"…","final":true}`
 *   (final ones also become messages in the conversation), `{"type":"interrupted"}`,
 *   `{"type":"audio-end"}`, `{"type":"error","message":"…"}`, and the agent's tool calls as
 *   `{"type":"tool_call","toolCallId","name","args"}` and `{"type":"tool_result","toolCallId",
 *   "content"}` (tool calls in the conversation);
 * - client to agent: `{"type":"interrupt"}` (barge-in), `{"type":"text","text":"…"}` (typed),
 *   `{"type":"reply","toolResults":[{"toolCallId","content","error"?}]}` (what tools the
 *   browser ran returned).
 */
export function binaryPcmCodec(): VoiceCodec {
  const transcripts = transcriptEvents();
  return {
    name: "binary-pcm",
    encode: (text) => JSON.stringify({ type: "text", text }),
    cancel: () => JSON.stringify({ type: "interrupt" }),
    encodeReply: (reply: AgentReply) => JSON.stringify({ type: "reply", ...reply }),
    voice: binaryPcmFraming,
    decode(frame: IncomingFrame): AgentEvent[] {
      if (typeof frame !== "string") return voiceEvent(VOICE_EVENT.audio, audioBuffer(frame));
      const message = jsonObject(frameToText(frame));
      return message ? controlEvents(message, transcripts) : [MALFORMED];
    },
  };
}
