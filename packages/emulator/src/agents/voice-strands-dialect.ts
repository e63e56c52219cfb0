import { isRecord } from "../json-record";
import { parseJson } from "./client-frames";
import type { AgentFrame } from "../agent-types";
import {
  checkPcm,
  decodeBase64,
  type DialectFormat,
  type DialectInput,
  type VoiceDialect,
} from "./voice-dialect";

const fail = (reason: string): DialectInput => ({ kind: "close", code: 1007, reason });

/** A client frame: `bidi_audio_input` (base64 PCM16 mono at the input rate) or `bidi_text_input`. */
function readStrands(
  frame: AgentFrame,
  format: DialectFormat,
  greeting: () => AgentFrame[],
): DialectInput {
  if (typeof frame !== "string") return fail("Expected bidi_* JSON events, not binary frames");
  const event = parseJson(frame);
  if (!isRecord(event)) return fail("Expected a JSON object");
  if (event["type"] === "bidi_text_input") return { kind: "reply", frames: greeting() };
  if (event["type"] !== "bidi_audio_input")
    return fail(`Unexpected event ${String(event["type"])}`);
  const { format: encoding, sample_rate: rate, channels } = event;
  if (encoding !== "pcm" || rate !== format.inputRate || channels !== 1)
    return fail(`Expected pcm at ${format.inputRate} Hz, 1 channel`);
  const pcm = decodeBase64(event["audio"]);
  if (!pcm) return fail("bidi_audio_input audio is not base64");
  const input = checkPcm(pcm);
  return input.kind === "audio" ? { ...input, reply: greeting() } : input;
}

/**
 * Strands Agents' experimental bidirectional events (`strands.experimental.bidi`) as a
 * `BidiAgent` relays them over a WebSocket: `bidi_audio_input` in (base64 PCM16 mono at the
 * input rate); `bidi_connection_start`, `bidi_transcript_stream`, `bidi_response_start`,
 * `bidi_audio_stream`, `bidi_response_complete` and `bidi_interruption` out; a tool call as
 * `tool_use_stream`, with `tool_result` when the agent ran the tool.
 */
export function strandsDialect(format: DialectFormat, connectionId: string): VoiceDialect {
  let response = 0;
  let started = false;
  const send = (event: Record<string, unknown>) => JSON.stringify(event);
  const transcript = (role: string, text: string, final: boolean, so_far?: string) =>
    send({
      type: "bidi_transcript_stream",
      delta: { text },
      text,
      role,
      is_final: final,
      current_transcript: so_far ?? null,
    });
  const greeting = () => {
    if (started) return [];
    started = true;
    return [
      send({ type: "bidi_connection_start", connection_id: connectionId, model: "emulator" }),
    ];
  };
  const complete = (stop_reason: string) =>
    send({ type: "bidi_response_complete", response_id: `r${response}`, stop_reason });
  return {
    name: "strands-bidi",
    hearsBargeIn: true,
    read: (frame) => readStrands(frame, format, greeting),
    userTurn: (text) => [transcript("user", text, true)],
    answerStart(partial, text) {
      response += 1;
      return [
        send({ type: "bidi_response_start", response_id: `r${response}` }),
        transcript("assistant", partial, false, partial),
        transcript("assistant", text, true),
      ];
    },
    audio: (pcm) =>
      send({
        type: "bidi_audio_stream",
        audio: Buffer.from(pcm).toString("base64"),
        format: "pcm",
        sample_rate: format.outputRate,
        channels: 1,
      }),
    answerEnd: () => [complete("complete")],
    interrupted: () => [
      send({ type: "bidi_interruption", reason: "user_speech" }),
      complete("interrupted"),
    ],
    toolCall(toolUseId, { name, input, result }) {
      const use = { toolUseId, name, input };
      const done = { toolUseId, status: "success", content: [{ text: result }] };
      return [
        send({ type: "tool_use_stream", delta: { toolUse: use }, current_tool_use: use }),
        ...(result === undefined ? [] : [send({ type: "tool_result", tool_result: done })]),
      ];
    },
  };
}
