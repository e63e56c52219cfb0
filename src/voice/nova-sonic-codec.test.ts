import { describe, expect, it } from "vitest";
import type { AgentEvent } from "../codecs/types";
import { toBase64 } from "./base64";
import { novaSonicCodec } from "./nova-sonic-codec";
import { resolveVoiceOptions } from "./voice-options";
import { voiceTransport } from "./voice-transport";
import { VOICE_EVENT } from "./voice-events";

const format = { inputRate: 16_000, outputRate: 24_000 };
const frame = (name: string, body: object) => JSON.stringify({ event: { [name]: body } });
const events = (text: string) =>
  JSON.parse(text) as { event: Record<string, Record<string, unknown>> };
const names = (frames: string[]) => frames.map((f) => Object.keys(events(f).event)[0]);

describe("novaSonicCodec: the client's events", () => {
  it("opens a call with sessionStart, promptStart, the system prompt and a USER audio content", () => {
    const codec = novaSonicCodec({ voiceId: "tiffany", systemPrompt: "Be brief." });
    const opening = codec.voice(format).open();
    expect(names(opening)).toEqual([
      "sessionStart",
      "promptStart",
      "contentStart",
      "textInput",
      "contentEnd",
      "contentStart",
    ]);
    const [session, prompt, system, , , audio] = opening.map((f) => events(f).event);
    expect(session?.sessionStart).toEqual({
      inferenceConfiguration: { maxTokens: 1024, topP: 0.9, temperature: 0.7 },
    });
    expect(prompt?.promptStart).toMatchObject({
      textOutputConfiguration: { mediaType: "text/plain" },
      audioOutputConfiguration: {
        mediaType: "audio/lpcm",
        sampleRateHertz: 24_000,
        sampleSizeBits: 16,
        channelCount: 1,
        voiceId: "tiffany",
        encoding: "base64",
      },
    });
    expect(system?.contentStart).toMatchObject({
      type: "TEXT",
      role: "SYSTEM",
      interactive: false,
    });
    const promptName = prompt?.promptStart?.promptName;
    expect(audio?.contentStart).toMatchObject({
      promptName,
      type: "AUDIO",
      interactive: true,
      role: "USER",
      audioInputConfiguration: {
        mediaType: "audio/lpcm",
        sampleRateHertz: 16_000,
        channelCount: 1,
      },
    });
  });

  it("sends the microphone as base64 audioInput in the open content, and closes in order", () => {
    const framing = novaSonicCodec().voice(format);
    const opening = framing.open();
    const started = events(opening.at(-1) ?? "").event.contentStart;
    const pcm = Uint8Array.of(1, 0, 255, 127).buffer;
    const audio = framing.audio(pcm);
    expect(typeof audio).toBe("string");
    expect(events(audio as string).event.audioInput).toEqual({
      promptName: started?.promptName,
      contentName: started?.contentName,
      content: toBase64(pcm),
    });
    expect(framing.interrupt()).toBeUndefined();
    expect(names(framing.close())).toEqual(["contentEnd", "promptEnd", "sessionEnd"]);
  });

  it("keeps a frame within 32 KB as sent: 720 ms at 16 kHz fit, 1 s does not", () => {
    const base = { connection: { onEvent: () => () => undefined }, transport: voiceTransport() };
    const codec = novaSonicCodec();
    const pcm = new ArrayBuffer(2 * 16 * 720);
    expect((codec.voice(format).audio(pcm) as string).length).toBeLessThanOrEqual(32_768);
    expect(() => resolveVoiceOptions({ ...base, codec, frameMs: 720 })).not.toThrow();
    expect(() => resolveVoiceOptions({ ...base, codec, frameMs: 1000 })).toThrow(
      /take 42\d{3} bytes; the limit is 32768/,
    );
  });

  it("encodes typed text as a USER text content, one event per line", () => {
    const text = novaSonicCodec().encode("Hello", { messageId: "m", sessionId: "s" });
    const lines = text.split("\n");
    expect(names(lines)).toEqual(["contentStart", "textInput", "contentEnd"]);
    expect(events(lines[1] ?? "").event.textInput).toMatchObject({ content: "Hello" });
  });
});

describe("novaSonicCodec: client tool results", () => {
  const reply = (toolResults: { toolCallId: string; content: string; error?: string }[]) =>
    novaSonicCodec()
      .encodeReply?.({ toolResults }, { messageId: "m", sessionId: "s" })
      .split("\n") ?? [];

  it("sends each result as a TOOL content naming its toolUseId, one event per line", () => {
    const lines = reply([
      { toolCallId: "t1", content: '{"time":"12:00"}' },
      { toolCallId: "t2", content: "sunny" },
    ]);
    expect(names(lines)).toEqual([
      "contentStart",
      "toolResult",
      "contentEnd",
      "contentStart",
      "toolResult",
      "contentEnd",
    ]);
    const [start, result, end, , second] = lines.map((line) => events(line).event);
    expect(start?.contentStart).toMatchObject({
      interactive: false,
      type: "TOOL",
      role: "TOOL",
      toolResultInputConfiguration: {
        toolUseId: "t1",
        type: "TEXT",
        textInputConfiguration: { mediaType: "text/plain" },
      },
    });
    const ids = {
      promptName: start?.contentStart?.promptName,
      contentName: start?.contentStart?.contentName,
    };
    expect(typeof ids.promptName).toBe("string");
    expect(result?.toolResult).toEqual({ ...ids, content: '{"time":"12:00"}' });
    expect(end?.contentEnd).toEqual(ids);
    // Nova takes JSON: plain text goes in an object.
    expect(second?.toolResult?.content).toBe('{"text":"sunny"}');
  });

  it("sends a failed tool's error", () => {
    const [, result] = reply([{ toolCallId: "t1", content: "boom", error: "boom" }]);
    expect(events(result ?? "").event.toolResult?.content).toBe('{"error":"boom"}');
  });

  it("uses the prompt the call was opened with", () => {
    const codec = novaSonicCodec();
    const opening = codec.voice(format).open();
    const promptName = events(opening[1] ?? "").event.promptStart?.promptName;
    const frameText = codec.encodeReply?.(
      { toolResults: [{ toolCallId: "t1", content: "{}" }] },
      { messageId: "m", sessionId: "s" },
    );
    expect(events(frameText?.split("\n")[1] ?? "").event.toolResult?.promptName).toBe(promptName);
  });
});

describe("novaSonicCodec: the agent's events", () => {
  const content = (contentId: string, role: string, type: string, stage?: string) =>
    frame("contentStart", {
      contentId,
      role,
      type,
      ...(stage ? { additionalModelFields: JSON.stringify({ generationStage: stage }) } : {}),
    });

  it("decodes transcripts: USER and FINAL ones become messages, SPECULATIVE ones captions", () => {
    const decoder = novaSonicCodec().createDecoder?.();
    const decode = (text: string): AgentEvent[] => decoder?.decode(text) ?? [];
    expect(decode(frame("completionStart", { completionId: "c" }))).toMatchObject([
      { name: VOICE_EVENT.message, value: { completionStart: { completionId: "c" } } },
    ]);
    expect(decode(content("u", "USER", "TEXT", "FINAL"))).toEqual([]);
    const user = decode(frame("textOutput", { contentId: "u", role: "USER", content: "Hi" }));
    expect(user).toMatchObject([
      { name: VOICE_EVENT.transcript, value: { role: "user", text: "Hi", final: true } },
      { type: "message-start", role: "user" },
      { type: "text-delta", delta: "Hi" },
      { type: "message-end" },
    ]);
    decode(content("a", "ASSISTANT", "TEXT", "SPECULATIVE"));
    expect(decode(frame("textOutput", { contentId: "a", content: "Hello there" }))).toEqual([
      {
        type: "custom",
        name: VOICE_EVENT.transcript,
        value: { role: "assistant", text: "Hello there", final: false },
      },
    ]);
    expect(decode(frame("contentEnd", { contentId: "a", type: "TEXT" }))).toEqual([]);
    decode(content("f", "ASSISTANT", "TEXT", "FINAL"));
    expect(decode(frame("textOutput", { contentId: "f", content: "Hello there" }))).toMatchObject([
      { value: { role: "assistant", final: true } },
      { type: "message-start", role: "assistant" },
      { type: "text-delta", delta: "Hello there" },
      { type: "message-end" },
    ]);
  });

  it("decodes audio, its end, barge-in, and the other events", () => {
    const decoder = novaSonicCodec().createDecoder?.();
    const decode = (text: string): AgentEvent[] => decoder?.decode(text) ?? [];
    decode(content("s", "ASSISTANT", "AUDIO"));
    const pcm = Uint8Array.of(9, 8, 7, 6).buffer;
    const [audio] = decode(frame("audioOutput", { contentId: "s", content: toBase64(pcm) }));
    expect(audio).toMatchObject({ name: VOICE_EVENT.audio });
    const bytes = audio?.type === "custom" ? (audio.value as ArrayBuffer) : new ArrayBuffer(0);
    expect([...new Uint8Array(bytes)]).toEqual([9, 8, 7, 6]);
    expect(decode(frame("contentEnd", { contentId: "s", stopReason: "END_TURN" }))).toMatchObject([
      { name: VOICE_EVENT.audioEnd },
    ]);
    const interrupted = '{ "interrupted" : true }';
    expect(decode(frame("textOutput", { role: "ASSISTANT", content: interrupted }))).toMatchObject([
      { name: VOICE_EVENT.interrupted },
    ]);
    decode(content("t", "ASSISTANT", "AUDIO"));
    expect(
      decode(frame("contentEnd", { contentId: "t", type: "AUDIO", stopReason: "INTERRUPTED" })),
    ).toMatchObject([{ name: VOICE_EVENT.interrupted }]);
    for (const name of ["usageEvent", "completionEnd"]) {
      expect(decode(frame(name, { x: 1 }))).toMatchObject([
        { name: VOICE_EVENT.message, value: { [name]: { x: 1 } } },
      ]);
    }
  });

  it("decodes toolUse as a tool call, and a toolUse without its ids as a malformed frame", () => {
    const decode = (text: string) => novaSonicCodec().decode(text);
    const use = { toolUseId: "t9", toolName: "lookup", content: '{"q":"x"}' };
    expect(decode(frame("toolUse", use))).toEqual([
      { type: "tool-call-start", toolCallId: "t9", name: "lookup" },
      { type: "tool-call-args", toolCallId: "t9", delta: '{"q":"x"}' },
      { type: "tool-call-end", toolCallId: "t9" },
      { type: "message-end", messageId: "t9" },
    ]);
    expect(decode(frame("toolUse", { toolName: "lookup" }))).toMatchObject([
      { type: "error", code: "malformed-frame" },
    ]);
  });

  it("passes the agent's own JSON objects on as voice.message events", () => {
    expect(novaSonicCodec().decode('{"type":"stats","frames":3}')).toEqual([
      { type: "custom", name: VOICE_EVENT.message, value: { type: "stats", frames: 3 } },
    ]);
  });

  it("turns a malformed frame into an error event, never a throw", () => {
    const codec = novaSonicCodec();
    for (const bad of [
      "no",
      '{"event":[]}',
      '{"event":{}}',
      frame("audioOutput", { content: 3 }),
    ]) {
      expect(codec.decode(bad)).toMatchObject([{ type: "error", code: "malformed-frame" }]);
    }
  });
});
