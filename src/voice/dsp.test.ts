import { describe, expect, it } from "vitest";
import {
  createResampler,
  downmixInto,
  readPcm16,
  resampleLinear,
  ringRead,
  ringWrite,
  rms,
  writePcm16,
  type Ring,
} from "./dsp";

/** Resamples `total` samples of `signal` in blocks of `block`, as a worklet would. */
function resampleInBlocks(
  signal: (i: number) => number,
  total: number,
  block: number,
  from: number,
  to: number,
): number[] {
  const state = createResampler(from, to);
  const input = new Float32Array(block);
  const out = new Float32Array(Math.ceil(block / state.step) + 2);
  const result: number[] = [];
  for (let start = 0; start < total; start += block) {
    const length = Math.min(block, total - start);
    for (let i = 0; i < length; i++) input[i] = signal(start + i);
    const written = resampleLinear(input, length, state, out, 0);
    result.push(...out.subarray(0, written));
  }
  return result;
}

describe("resampleLinear", () => {
  it.each([
    [48_000, 16_000],
    [44_100, 16_000],
    [24_000, 48_000],
    [24_000, 44_100],
    [16_000, 16_000],
  ])("turns one second at %i Hz into one second at %i Hz (within one sample)", (from, to) => {
    const out = resampleInBlocks(() => 0, from, 128, from, to);
    expect(Math.abs(out.length - to)).toBeLessThanOrEqual(1);
  });

  it("writes exactly one sample per step over a long run in 128-sample blocks", () => {
    const out = resampleInBlocks(() => 0, 48_000 * 10, 128, 48_000, 16_000);
    expect(out.length).toBe(160_000);
  });

  it("gives the same samples whatever the block size (state carries across blocks)", () => {
    const ramp = (i: number) => (i % 1000) / 1000;
    const whole = resampleInBlocks(ramp, 4800, 4800, 44_100, 16_000);
    const blocks = resampleInBlocks(ramp, 4800, 128, 44_100, 16_000);
    const odd = resampleInBlocks(ramp, 4800, 77, 44_100, 16_000);
    expect(blocks).toHaveLength(whole.length);
    blocks.forEach((value, i) => expect(value).toBeCloseTo(whole[i] ?? NaN, 6));
    odd.forEach((value, i) => expect(value).toBeCloseTo(whole[i] ?? NaN, 6));
  });

  it("keeps a tone's frequency: a 1 kHz sine at 48 kHz becomes one at 16 kHz", () => {
    const sine = (rate: number) => (i: number) => Math.sin((2 * Math.PI * 1000 * i) / rate);
    const out = resampleInBlocks(sine(48_000), 4800, 128, 48_000, 16_000);
    out.forEach((value, i) => expect(value).toBeCloseTo(sine(16_000)(i), 5));
  });

  it("interpolates between samples when upsampling", () => {
    const out = resampleInBlocks((i) => i, 4, 2, 1, 2);
    expect(out).toEqual([0, 0.5, 1, 1.5, 2, 2.5, 3]);
  });
});

describe("downmixInto", () => {
  it("averages the channels", () => {
    const out = new Float32Array(2);
    expect(downmixInto([Float32Array.of(1, 0.5), Float32Array.of(0, -0.5)], 2, out)).toBe(2);
    expect([...out]).toEqual([0.5, 0]);
  });

  it("reports no samples for an input without channels", () => {
    expect(downmixInto([], 128, new Float32Array(128))).toBe(0);
  });
});

describe("PCM16", () => {
  it("writes little-endian, clamped, full scale both ways", () => {
    const view = new DataView(new ArrayBuffer(10));
    writePcm16(Float32Array.of(0, 1, -1, 2, -2), 5, view, 0);
    expect([...new Uint8Array(view.buffer)]).toEqual([
      0, 0, 0xff, 0x7f, 0, 0x80, 0xff, 0x7f, 0, 0x80,
    ]);
  });

  it("reads back what it wrote within two steps (truncation, and 0x7fff up but 0x8000 down)", () => {
    const samples = Float32Array.of(0.25, -0.5, 0.999);
    const view = new DataView(new ArrayBuffer(6));
    writePcm16(samples, 3, view, 0);
    const out = new Float32Array(3);
    expect(readPcm16(view, out)).toBe(3);
    out.forEach((value, i) => expect(Math.abs(value - (samples[i] ?? 0))).toBeLessThan(2 / 0x7fff));
  });
});

describe("rms", () => {
  it("is 1/sqrt(2) for a full-scale sine and 0 for silence", () => {
    const sine = Float32Array.from({ length: 1600 }, (_, i) => Math.sin((2 * Math.PI * i) / 16));
    expect(rms(sine, sine.length)).toBeCloseTo(Math.SQRT1_2, 3);
    expect(rms(new Float32Array(8), 8)).toBe(0);
  });
});

describe("ring", () => {
  it("queues, wraps around, pads a short read with silence and drops what does not fit", () => {
    const ring: Ring = { buffer: new Float32Array(4), read: 0, size: 0 };
    expect(ringWrite(ring, Float32Array.of(1, 2, 3), 3)).toBe(3);
    const out = new Float32Array(2);
    expect(ringRead(ring, out, 2)).toBe(2);
    expect(ringWrite(ring, Float32Array.of(4, 5, 6, 7), 4)).toBe(3);
    const rest = new Float32Array(6);
    expect(ringRead(ring, rest, 6)).toBe(4);
    expect([...rest]).toEqual([3, 4, 5, 6, 0, 0]);
    expect(ring.size).toBe(0);
  });
});
