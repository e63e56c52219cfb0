import { voiceAgent } from "agentcore-react-emulator";
import { emulator, open, presignedUrl, stopEmulators, type Frame } from "./client";

afterEach(stopEmulators);

const isJson = (type: string) => (frame: Frame) =>
  typeof frame === "string" && (JSON.parse(frame) as { type?: unknown }).type === type;

/** `ms` of 16 kHz PCM16 silence. */
const audio = (ms: number) => Buffer.alloc(ms * 32);

async function voicePeer(options: Parameters<typeof voiceAgent>[0] = {}) {
  const target = await emulator({ agent: voiceAgent(options) });
  return open(await presignedUrl(target));
}

describe("the voice agent", () => {
  it("answers each second of audio with transcripts, a 24 kHz PCM16 tone and audio-end", async () => {
    const peer = await voicePeer({ replyMs: 400, leadMs: 1000 });
    for (let i = 0; i < 25; i++) peer.send(audio(40));
    const frames = await peer.until(isJson("audio-end"));
    const text = frames.filter((f): f is string => typeof f === "string").map((f) => JSON.parse(f));
    expect(text.slice(0, 3)).toEqual([
      { type: "transcript", role: "user", text: "(1.00 s of audio)", final: true },
      { type: "transcript", role: "assistant", text: "Answer 1", final: false },
      {
        type: "transcript",
        role: "assistant",
        text: "Answer 1: a 440 Hz tone for 0.40 s.",
        final: true,
      },
    ]);
    const tone = frames.filter((f): f is Buffer => typeof f !== "string");
    expect(tone).toHaveLength(10);
    expect(tone.every((frame) => frame.byteLength === 1920)).toBe(true); // 40 ms at 24 kHz
    // Deterministic: 0.3 full scale, starting at phase 0.
    expect(tone[0]?.readInt16LE(0)).toBe(0);
    const peak = Math.max(
      ...Array.from({ length: 960 }, (_, i) => tone[0]?.readInt16LE(i * 2) ?? 0),
    );
    expect(peak).toBe(Math.round(0.3 * 0x7fff));
  });

  it("counts what it received and reports it on request", async () => {
    const peer = await voicePeer();
    for (let i = 0; i < 10; i++) peer.send(audio(40));
    peer.send('{"type":"stats"}');
    const [stats] = (await peer.until(isJson("stats"))).slice(-1);
    expect(JSON.parse(String(stats))).toMatchObject({ frames: 10, samples: 6400, bytes: 12_800 });
    peer.send('{"type":"stats","arrivals":true}');
    const [detailed] = (await peer.until(isJson("stats"))).slice(-1);
    const { arrivals } = JSON.parse(String(detailed)) as { arrivals: [number, number][] };
    expect(arrivals.map(([, before]) => before)).toEqual([
      0, 640, 1280, 1920, 2560, 3200, 3840, 4480, 5120, 5760,
    ]);
  });

  it("stops its audio at once on an interrupt and acknowledges it", async () => {
    const peer = await voicePeer({ replyMs: 60_000, leadMs: 0, replyAfterSamples: 640 });
    peer.send(audio(40));
    await peer.until((frame) => typeof frame !== "string");
    peer.send('{"type":"interrupt"}');
    await peer.until(isJson("interrupted"));
    const received = peer.frames.length;
    peer.send('{"type":"stats"}');
    await peer.until(isJson("stats"));
    // Nothing but the stats answer came after the acknowledgement: no more audio, no audio-end.
    expect(peer.frames.length).toBe(received + 1);
  });

  it.each([
    ["half a sample", Buffer.alloc(641), 1007],
    ["a frame over the limit", Buffer.alloc(2050), 1009],
  ])("closes on %s", async (_name, frame, code) => {
    const peer = await voicePeer({ maxFrameBytes: 2048 });
    peer.send(frame);
    expect((await peer.closed).code).toBe(code);
  });

  it("closes with 1008 past 250 frames in a second", async () => {
    const peer = await voicePeer({ replyAfterSamples: 1e9 });
    for (let i = 0; i < 251; i++) peer.send(audio(2));
    expect(await peer.closed).toEqual({ code: 1008, reason: "Over 250 frames per second" });
  });
});
