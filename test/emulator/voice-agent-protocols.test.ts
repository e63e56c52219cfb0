import { voiceAgent } from "agentcore-react-emulator";
import { novaSonicCodec } from "../../src/voice/nova-sonic-codec";
import { strandsBidiCodec } from "../../src/voice/strands-bidi-codec";
import type { VoiceCodec } from "../../src/voice/voice-codec";
import { VOICE_EVENT } from "../../src/voice/voice-events";
import type { AgentEvent } from "../../src/codecs/types";
import { emulator, open, presignedUrl, stopEmulators, type Frame } from "./client";

afterEach(stopEmulators);

const format = { inputRate: 16_000, outputRate: 24_000 };
/** `ms` of 16 kHz PCM16 silence. */
const pcm = (ms: number) => new ArrayBuffer(ms * 32);

async function voicePeer(options: Parameters<typeof voiceAgent>[0] = {}) {
  const target = await emulator({ agent: voiceAgent(options) });
  return open(await presignedUrl(target));
}

/** Sends `ms` of audio as the codec frames it (opening frames first) and decodes what comes back. */
async function callWith(codec: VoiceCodec, options: Parameters<typeof voiceAgent>[0] = {}) {
  const peer = await voicePeer(options);
  const framing = codec.voice(format);
  const decoder = codec.createDecoder?.() ?? codec;
  for (const frame of framing.open()) peer.send(frame);
  const sendAudio = (frames: number) => {
    for (let i = 0; i < frames; i++) peer.send(framing.audio(pcm(40)) as string);
  };
  const decoded = (frames: Frame[]): AgentEvent[] =>
    frames.flatMap((frame) => decoder.decode(typeof frame === "string" ? frame : frame));
  // The decoders keep state: the stop condition reads each frame with a decoder of its own.
  const probe = codec.createDecoder?.() ?? codec;
  const named = (name: string) => (frame: Frame) =>
    probe.decode(String(frame)).some((e) => e.type === "custom" && e.name === name);
  return { peer, framing, sendAudio, decoded, named };
}

const customNames = (events: AgentEvent[]) =>
  events.flatMap((e) => (e.type === "custom" ? [e.name] : []));

describe.each([
  ["nova-sonic", novaSonicCodec],
  ["strands-bidi", strandsBidiCodec],
] as const)("the voice agent speaking %s", (protocol, makeCodec) => {
  it("tells the protocol from the first frame and answers a second of audio in it", async () => {
    const { peer, sendAudio, decoded, named } = await callWith(makeCodec(), { replyMs: 400 });
    sendAudio(25);
    const events = decoded(await peer.until(named(VOICE_EVENT.audioEnd)));
    const transcripts = events.flatMap((e) =>
      e.type === "custom" && e.name === VOICE_EVENT.transcript ? [e.value] : [],
    );
    expect(transcripts).toContainEqual({ role: "user", text: "(1.00 s of audio)", final: true });
    expect(transcripts).toContainEqual(
      expect.objectContaining({ role: "assistant", final: false }),
    );
    const audio = events.flatMap((e) =>
      e.type === "custom" && e.name === VOICE_EVENT.audio ? [e.value as ArrayBuffer] : [],
    );
    expect(audio).toHaveLength(10);
    expect(audio.every((chunk) => chunk.byteLength === 1920)).toBe(true); // 40 ms at 24 kHz
    // The user's turn is a message for the conversation store.
    expect(events).toContainEqual(expect.objectContaining({ type: "message-start", role: "user" }));
    peer.send('{"type":"stats"}');
    const [stats] = (await peer.until((f) => String(f).includes('"stats"'))).slice(-1);
    expect(JSON.parse(String(stats))).toMatchObject({ protocol, frames: 25, samples: 16_000 });
  });

  it("stops when it hears the user talk over it (barge-in), in the protocol's own way", async () => {
    const options = { replyMs: 60_000, leadMs: 0, replyAfterSamples: 640, bargeInMs: 80 };
    const { peer, sendAudio, decoded, named } = await callWith(makeCodec(), options);
    sendAudio(1);
    await peer.until(named(VOICE_EVENT.audio));
    sendAudio(2);
    const events = decoded(await peer.until(named(VOICE_EVENT.interrupted)));
    // One barge-in is one interruption event, even where the protocol signals it twice.
    const later = decoded(await peer.until(named(VOICE_EVENT.audioEnd)));
    expect(
      customNames([...events, ...later]).filter((n) => n === VOICE_EVENT.interrupted),
    ).toHaveLength(1);
  });

  it("closes with 1007 on audio in another format", async () => {
    const peer = await voicePeer();
    const framing = makeCodec().voice({ inputRate: 8_000, outputRate: 24_000 });
    for (const frame of framing.open()) peer.send(frame);
    peer.send(framing.audio(pcm(40)) as string);
    expect((await peer.closed).code).toBe(1007);
  });
});

describe("the voice agent speaking nova-sonic", () => {
  it("closes with 1007 on audioInput before sessionStart and promptStart", async () => {
    const peer = await voicePeer({ protocol: "nova-sonic" });
    const framing = novaSonicCodec().voice(format);
    peer.send(framing.audio(pcm(40)) as string);
    expect(await peer.closed).toEqual({
      code: 1007,
      reason: "audioInput before sessionStart and promptStart",
    });
  });
});

describe("the voice agent's format checks", () => {
  it("closes with 1007 on a Nova promptStart asking for another output rate", async () => {
    const peer = await voicePeer();
    const [session, prompt] = novaSonicCodec()
      .voice({ inputRate: 16_000, outputRate: 16_000 })
      .open();
    peer.send(session ?? "");
    peer.send(prompt ?? "");
    expect(await peer.closed).toEqual({
      code: 1007,
      reason: "promptStart must ask for base64 PCM16 mono at 24000 Hz",
    });
  });

  it("closes with 1007 on binary frames once a connection speaks Strands", async () => {
    const peer = await voicePeer({ protocol: "strands-bidi" });
    peer.send(Buffer.alloc(640));
    expect((await peer.closed).code).toBe(1007);
  });

  it("closes with 1007 on bidi_audio_input whose audio is not base64", async () => {
    const peer = await voicePeer();
    const frame = {
      type: "bidi_audio_input",
      audio: "not base64!",
      format: "pcm",
      sample_rate: 16_000,
      channels: 1,
    };
    peer.send(JSON.stringify(frame));
    expect(await peer.closed).toEqual({
      code: 1007,
      reason: "bidi_audio_input audio is not base64",
    });
  });
});
