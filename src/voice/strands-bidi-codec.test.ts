import { describe, expect, it } from "vitest";
import { toBase64 } from "./base64";
import { strandsBidiCodec } from "./strands-bidi-codec";
import { resolveVoiceOptions } from "./voice-options";
import { voiceTransport } from "./voice-transport";
import { VOICE_EVENT } from "./voice-events";

const format = { inputRate: 16_000, outputRate: 24_000 };

describe("strandsBidiCodec: the client's events", () => {
  it("sends the microphone as bidi_audio_input: base64 PCM, 16 kHz, mono; no opening or interrupt", () => {
    const framing = strandsBidiCodec().voice(format);
    const pcm = Uint8Array.of(1, 2, 3, 4).buffer;
    expect(JSON.parse(framing.audio(pcm) as string)).toEqual({
      type: "bidi_audio_input",
      audio: toBase64(pcm),
      format: "pcm",
      sample_rate: 16_000,
      channels: 1,
    });
    expect(framing.open()).toEqual([]);
    expect(framing.interrupt()).toBeUndefined();
    expect(framing.close()).toEqual([]);
  });

  it("keeps a frame within 32 KB as sent", () => {
    const base = { connection: { onEvent: () => () => undefined }, transport: voiceTransport() };
    const codec = strandsBidiCodec();
    const pcm = new ArrayBuffer(2 * 16 * 720);
    expect((codec.voice(format).audio(pcm) as string).length).toBeLessThanOrEqual(32_768);
    expect(() => resolveVoiceOptions({ ...base, codec, frameMs: 1000 })).toThrow(/limit is 32768/);
  });

  it("encodes typed text as bidi_text_input", () => {
    const text = strandsBidiCodec().encode("Hi", { messageId: "m", sessionId: "s" });
    expect(JSON.parse(text)).toEqual({ type: "bidi_text_input", text: "Hi", role: "user" });
  });
});

describe("strandsBidiCodec: the agent's events", () => {
  const codec = strandsBidiCodec();
  const decode = (event: object) => codec.decode(JSON.stringify(event));

  it("decodes audio, interruption, the end of a response and errors", () => {
    const pcm = Uint8Array.of(5, 6).buffer;
    const audio = { audio: toBase64(pcm), format: "pcm", sample_rate: 24_000, channels: 1 };
    const [event] = decode({ type: "bidi_audio_stream", ...audio });
    expect(event).toMatchObject({ name: VOICE_EVENT.audio });
    const bytes = event?.type === "custom" ? (event.value as ArrayBuffer) : new ArrayBuffer(0);
    expect([...new Uint8Array(bytes)]).toEqual([5, 6]);
    expect(decode({ type: "bidi_interruption", reason: "user_speech" })).toMatchObject([
      { name: VOICE_EVENT.interrupted },
    ]);
    const complete = { type: "bidi_response_complete", response_id: "r", stop_reason: "complete" };
    expect(decode(complete)).toMatchObject([{ name: VOICE_EVENT.audioEnd }]);
    expect(decode({ type: "bidi_error", message: "Boom", code: "ValueError" })).toEqual([
      { type: "error", message: "Boom", code: "ValueError" },
    ]);
    for (const type of [
      "bidi_connection_start",
      "bidi_connection_restart",
      "bidi_response_start",
      "bidi_usage",
      "bidi_connection_close",
      "tool_use_stream",
    ]) {
      expect(decode({ type, x: 1 })).toEqual([
        { type: "custom", name: VOICE_EVENT.message, value: { type, x: 1 } },
      ]);
    }
  });

  it("decodes transcripts: partial ones as captions (the text so far), final ones as messages", () => {
    const partial = {
      type: "bidi_transcript_stream",
      delta: { text: " there" },
      text: " there",
      role: "assistant",
      is_final: false,
      current_transcript: "Hello there",
    };
    expect(decode(partial)).toEqual([
      {
        type: "custom",
        name: VOICE_EVENT.transcript,
        value: { role: "assistant", text: "Hello there", final: false },
      },
    ]);
    const final = { ...partial, text: "Hello there.", is_final: true, role: "user" };
    expect(decode(final)).toMatchObject([
      { value: { role: "user", text: "Hello there.", final: true } },
      { type: "message-start", role: "user" },
      { type: "text-delta", delta: "Hello there." },
      { type: "message-end" },
    ]);
  });

  it("turns a malformed frame into an error event, never a throw", () => {
    for (const bad of [
      "no",
      JSON.stringify({ type: "bidi_audio_stream", audio: "AAAA", format: "opus" }),
      JSON.stringify({ type: "bidi_transcript_stream", role: "robot", text: "x" }),
    ]) {
      expect(codec.decode(bad)).toMatchObject([{ type: "error", code: "malformed-frame" }]);
    }
  });
});
