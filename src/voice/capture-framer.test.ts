import { describe, expect, it } from "vitest";
import { CaptureFramer } from "./capture-framer";
import * as dsp from "./dsp";

function framer(contextRate: number, chunkBytes = 1280) {
  const chunks: { pcm: ArrayBuffer; level: number }[] = [];
  const capture = new CaptureFramer(
    { contextRate, outputRate: 16_000, chunkBytes },
    dsp,
    (pcm, level) => chunks.push({ pcm, level }),
  );
  return { capture, chunks };
}

/** Pushes `seconds` of a stereo sine (amplitude `amplitude`) in 128-sample quanta. */
function pushSine(capture: CaptureFramer, rate: number, seconds: number, amplitude: number): void {
  const left = new Float32Array(128);
  const right = new Float32Array(128);
  for (let start = 0; start < rate * seconds; start += 128) {
    for (let i = 0; i < 128; i++) {
      left[i] = amplitude * Math.sin((2 * Math.PI * 440 * (start + i)) / rate);
      right[i] = left[i] ?? 0;
    }
    capture.push([left, right]);
  }
}

describe("CaptureFramer", () => {
  it.each([48_000, 44_100])("frames %i Hz input as 40 ms PCM16 chunks at 16 kHz", (rate) => {
    const { capture, chunks } = framer(rate);
    pushSine(capture, rate, 2, 0.5);
    // 2 s at 16 kHz = 32 000 samples = 25 chunks of 640 samples/s (the last may be partial).
    expect(chunks.length).toBeGreaterThanOrEqual(49);
    expect(chunks.length).toBeLessThanOrEqual(50);
    for (const { pcm } of chunks) expect(pcm.byteLength).toBe(1280);
  });

  it("reports each chunk's level: the RMS of what it carries", () => {
    const { capture, chunks } = framer(48_000);
    pushSine(capture, 48_000, 0.5, 0.5);
    for (const { level } of chunks) expect(level).toBeCloseTo(0.5 * Math.SQRT1_2, 2);
  });

  it("writes the downmixed, resampled signal as PCM16 little-endian", () => {
    const { capture, chunks } = framer(48_000, 8);
    capture.push([Float32Array.from({ length: 128 }, () => 0.5), new Float32Array(128)]);
    const first = new DataView(chunks[0]?.pcm ?? new ArrayBuffer(0));
    expect(first.getInt16(0, true)).toBe(Math.trunc(0.25 * 0x7fff));
  });

  it("hands over a new buffer per chunk and none per quantum", () => {
    const { capture, chunks } = framer(48_000);
    const silence = new Float32Array(128);
    for (let i = 0; i < 14; i++) capture.push([silence]);
    expect(chunks).toHaveLength(0); // 14 quanta = 597 samples at 16 kHz, less than 640
    capture.push([silence]);
    expect(chunks).toHaveLength(1);
    expect(new Set(chunks.map((c) => c.pcm)).size).toBe(1);
  });

  it("skips a quantum without channels (a disconnected input)", () => {
    const { capture, chunks } = framer(48_000, 2);
    capture.push([]);
    expect(chunks).toHaveLength(0);
  });
});
