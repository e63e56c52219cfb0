import { execFileSync } from "node:child_process";
import { voiceAgent } from "agentcore-react-emulator";
import { readWav } from "../../packages/emulator/src/agents/voice-speech";
import { emulator, open, presignedUrl, stopEmulators, type Frame } from "./client";

afterEach(stopEmulators);

const isJson = (type: string) => (frame: Frame) =>
  typeof frame === "string" && (JSON.parse(frame) as { type?: unknown }).type === type;

/** The loudness (RMS) of each 10 ms of `samples`: speech's envelope, on the clock. */
function envelope(samples: ArrayLike<number>, rate: number): number[] {
  const size = rate / 100;
  return Array.from({ length: Math.floor(samples.length / size) }, (_, w) => {
    const [from, to] = [Math.round(w * size), Math.round((w + 1) * size)];
    let sum = 0;
    for (let i = from; i < to; i++) sum += (samples[i] ?? 0) ** 2;
    return Math.sqrt(sum / (to - from));
  });
}

function correlation(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  const mean = (x: number[]) => x.slice(0, n).reduce((s, v) => s + v, 0) / n;
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < n; i++) {
    const [da, db] = [(a[i] ?? 0) - ma, (b[i] ?? 0) - mb];
    ab += da * db;
    aa += da * da;
    bb += db * db;
  }
  return ab / Math.sqrt(aa * bb);
}

describe("the voice agent speaking with espeak-ng", () => {
  it("answers with its transcript spoken: 24 kHz PCM16, not silent, as long as espeak-ng's WAV", async () => {
    const target = await emulator({ agent: voiceAgent({ speech: "espeak", leadMs: 60_000 }) });
    const peer = await open(await presignedUrl(target));
    for (let i = 0; i < 25; i++) peer.send(Buffer.alloc(1280));
    const frames = await peer.until(isJson("audio-end"));
    const transcripts = frames
      .filter((f): f is string => typeof f === "string")
      .map((f) => JSON.parse(f) as { role?: string; text?: string; final?: boolean });
    const said = transcripts.find((t) => t.role === "assistant" && t.final)?.text ?? "";
    expect(said).toBe("Answer 1. I heard 1.00 seconds of audio.");
    const audio = frames.filter((f): f is Buffer => typeof f !== "string");
    // 40 ms frames at 24 kHz (the last one holds what is left).
    expect(audio.slice(0, -1).every((frame) => frame.byteLength === 1920)).toBe(true);
    const pcm = Buffer.concat(audio);
    const samples = new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 2);
    const wav = readWav(execFileSync("espeak-ng", ["--stdout", said]));
    expect(wav.rate).toBe(22_050);
    const seconds = wav.samples.length / wav.rate;
    console.warn(
      `voice agent speech: ${seconds.toFixed(3)} s of espeak-ng at ${wav.rate} Hz -> ${samples.length} samples at 24 kHz`,
    );
    expect(samples.length).toBe(Math.round(seconds * 24_000));
    const rms = Math.sqrt(samples.reduce((sum, s) => sum + s * s, 0) / samples.length);
    expect(rms).toBeGreaterThan(500);
    // Played at 24 kHz it follows espeak-ng's WAV 10 ms by 10 ms: not sped up or slowed down.
    const match = correlation(envelope(samples, 24_000), envelope(wav.samples, wav.rate));
    console.warn(`voice agent speech: envelope correlation with the WAV ${match.toFixed(4)}`);
    expect(match).toBeGreaterThan(0.99);
  });
});
