import { describe, expect, it } from "vitest";
import { binaryPcmCodec, VOICE_EVENT } from "./binary-pcm-codec";

describe("binaryPcmCodec", () => {
  const codec = binaryPcmCodec();

  it("decodes a binary frame as agent audio, an ArrayBuffer of its bytes", () => {
    const bytes = Uint8Array.of(1, 2, 3, 4);
    const [event] = codec.decode(bytes.subarray(1, 3));
    expect(event).toMatchObject({ type: "custom", name: VOICE_EVENT.audio });
    const value = event?.type === "custom" ? event.value : undefined;
    expect(value).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(value instanceof ArrayBuffer ? value : new ArrayBuffer(0))]).toEqual([
      2, 3,
    ]);
    const buffer = new ArrayBuffer(2);
    expect(codec.decode(buffer)).toEqual([
      { type: "custom", name: VOICE_EVENT.audio, value: buffer },
    ]);
  });

  it("decodes the control messages", () => {
    const transcript = '{"type":"transcript","role":"assistant","text":"Hi","final":false}';
    expect(codec.decode(transcript)).toEqual([
      {
        type: "custom",
        name: VOICE_EVENT.transcript,
        value: { role: "assistant", text: "Hi", final: false },
      },
    ]);
    const [heard, start, delta, end] = codec.decode(
      '{"type":"transcript","role":"user","text":"Yo"}',
    );
    expect(heard).toMatchObject({ value: { role: "user", final: true } });
    // A final transcript is also a whole message, for the conversation store.
    expect(start).toMatchObject({ type: "message-start", role: "user" });
    const messageId = start?.type === "message-start" ? start.messageId : undefined;
    expect(delta).toEqual({ type: "text-delta", messageId, delta: "Yo" });
    expect(end).toEqual({ type: "message-end", messageId });
    expect(codec.decode('{"type":"interrupted"}')).toMatchObject([
      { name: VOICE_EVENT.interrupted },
    ]);
    expect(codec.decode('{"type":"audio-end"}')).toMatchObject([{ name: VOICE_EVENT.audioEnd }]);
    expect(codec.decode('{"type":"error","message":"Boom"}')).toEqual([
      { type: "error", message: "Boom", code: "agent-error" },
    ]);
    expect(codec.decode('{"type":"usage","tokens":3}')).toEqual([
      { type: "custom", name: "voice.message", value: { type: "usage", tokens: 3 } },
    ]);
  });

  it("turns a malformed text frame into an error event, never a throw", () => {
    for (const frame of ["not json", "[1]", '{"type":"transcript","role":"robot","text":"x"}']) {
      expect(codec.decode(frame)).toMatchObject([{ type: "error", code: "malformed-frame" }]);
    }
  });

  it("encodes typed text and the interrupt frame", () => {
    const context = { messageId: "m", sessionId: "s" };
    expect(JSON.parse(codec.encode("Hello", context))).toEqual({ type: "text", text: "Hello" });
    expect(JSON.parse(codec.cancel?.({ sessionId: "s" }) ?? "")).toEqual({ type: "interrupt" });
  });
});
