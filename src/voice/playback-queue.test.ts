import { describe, expect, it } from "vitest";
import * as dsp from "./dsp";
import { PlaybackQueue, type PlaybackReport } from "./playback-queue";

function queue(prebuffer = 256) {
  const reports: PlaybackReport[] = [];
  const options = { contextRate: 48_000, inputRate: 24_000, capacity: 48_000, prebuffer };
  return { queue: new PlaybackQueue(options, dsp, (r) => reports.push(r)), reports };
}

/** `samples` of PCM16 at a constant value. */
function pcm(samples: number, value = 0x4000): ArrayBuffer {
  const view = new DataView(new ArrayBuffer(samples * 2));
  for (let i = 0; i < samples; i++) view.setInt16(i * 2, value, true);
  return view.buffer;
}

function renderQuanta(q: PlaybackQueue, count: number): Float32Array[] {
  return Array.from({ length: count }, () => {
    const out = new Float32Array(128);
    q.render(out);
    return out;
  });
}

describe("PlaybackQueue", () => {
  it("stays silent until the prebuffer is queued, then plays at twice the samples (24 -> 48 kHz)", () => {
    const { queue: q, reports } = queue(256);
    q.command(pcm(100));
    expect(renderQuanta(q, 1)[0]?.every((s) => s === 0)).toBe(true);
    q.command(pcm(100));
    expect(reports.at(-1)).toMatchObject({ playing: true, underruns: 0 });
    expect(q.ring.size).toBeGreaterThanOrEqual(399);
    expect(renderQuanta(q, 1)[0]?.[10]).toBeCloseTo(0.5, 3);
  });

  it("plays a turn gaplessly to its end without an underrun", () => {
    const { queue: q, reports } = queue(256);
    for (let i = 0; i < 10; i++) {
      q.command(pcm(480)); // 20 ms at 24 kHz, arriving as fast as it plays
      renderQuanta(q, 7);
    }
    q.command("end");
    renderQuanta(q, 100);
    expect(reports.at(-1)).toMatchObject({ playing: false, queued: 0, underruns: 0 });
    // 4 800 samples at 24 kHz are 9 600 at 48 kHz; the last, between the final input sample
    // and the next, waits for that next one.
    expect(q.played).toBe(9599);
  });

  it("counts an underrun when the queue runs dry before the turn ends, then prebuffers again", () => {
    const { queue: q, reports } = queue(256);
    q.command(pcm(240));
    renderQuanta(q, 5);
    expect(reports.at(-1)).toMatchObject({ playing: false, underruns: 1 });
    q.command(pcm(100));
    expect(q.playing).toBe(false);
  });

  it("flush drops everything queued at once and is no underrun", () => {
    const { queue: q, reports } = queue(256);
    q.command(pcm(24_000));
    renderQuanta(q, 3);
    q.command("flush");
    expect(reports.at(-1)).toMatchObject({ playing: false, queued: 0, underruns: 0 });
    expect(renderQuanta(q, 1)[0]?.every((s) => s === 0)).toBe(true);
  });

  it("plays a turn shorter than the prebuffer once the agent ends it", () => {
    const { queue: q, reports } = queue(4800);
    q.command(pcm(240));
    expect(q.playing).toBe(false);
    q.command("end");
    expect(reports.at(-1)).toMatchObject({ playing: true });
    renderQuanta(q, 10);
    expect(reports.at(-1)).toMatchObject({ playing: false, underruns: 0 });
  });
});
