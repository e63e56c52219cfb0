import { afterEach, describe, expect, it, vi } from "vitest";
import { espeakPcm, readWav, resample } from "./voice-speech";

/** A PCM16 WAV of `samples` at `rate`, with `channels` and a data length of `declared`. */
function wav(samples: number[], rate: number, channels = 1, declared?: number): Uint8Array {
  const data = samples.length * 2;
  const bytes = new Uint8Array(44 + data);
  const view = new DataView(bytes.buffer);
  const tag = (at: number, text: string) =>
    [...text].forEach((c, i) => view.setUint8(at + i, c.charCodeAt(0)));
  tag(0, "RIFF");
  view.setUint32(4, 36 + data, true);
  tag(8, "WAVE");
  tag(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2 * channels, true);
  view.setUint16(32, 2 * channels, true);
  view.setUint16(34, 16, true);
  tag(36, "data");
  view.setUint32(40, declared ?? data, true);
  samples.forEach((sample, i) => view.setInt16(44 + i * 2, sample, true));
  return bytes;
}

afterEach(() => vi.restoreAllMocks());

describe("readWav", () => {
  it("reads PCM16 samples and the rate, up to the file's end when the length says more", () => {
    const read = readWav(wav([1, -2, 3], 22_050, 1, 0x7ffff000));
    expect([...read.samples]).toEqual([1, -2, 3]);
    expect(read.rate).toBe(22_050);
  });

  it("keeps the first channel of a stereo file", () => {
    expect([...readWav(wav([1, 9, 2, 9], 8_000, 2)).samples]).toEqual([1, 2]);
  });

  it("refuses what is not a PCM16 WAV", () => {
    expect(() => readWav(new TextEncoder().encode("not a wav file"))).toThrow("Not a WAV");
  });
});

describe("resample", () => {
  it("keeps the duration and interpolates between samples", () => {
    const up = resample({ samples: Int16Array.from([0, 100, 200, 300]), rate: 2 }, 4);
    expect([...up]).toEqual([0, 50, 100, 150, 200, 250, 300, 300]);
    const speech = resample({ samples: new Int16Array(22_050), rate: 22_050 }, 24_000);
    expect(speech).toHaveLength(24_000);
  });
});

describe("espeakPcm", () => {
  it("is undefined, with one warning, when the command is not installed", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    expect(await espeakPcm("Hello", 24_000, "no-such-espeak-command")).toBeUndefined();
    expect(await espeakPcm("Hello", 24_000, "no-such-espeak-command")).toBeUndefined();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toContain("no-such-espeak-command did not speak");
  });
});
