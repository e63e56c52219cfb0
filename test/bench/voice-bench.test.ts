import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Metafile } from "esbuild";
import { describe, expect, it } from "vitest";
import { eagerOutputs } from "../../bench/lib/voice-size";
import {
  acrossRounds,
  latenciesToTurn,
  pacing,
  percentOf,
  silencesWithin,
  voiceGoals,
  type Transition,
  type VoiceGoal,
} from "../../bench/lib/voice-stats";
import { summarize } from "../../bench/lib/stats";
import type { PeerResult, SigningResult } from "../../bench/lib/doc-tables";
import { goalRows, MISSED_BECAUSE, type SizeResult } from "../../bench/lib/goals";
import { RESULTS_DIR } from "../../bench/lib/results";

/** A turn of the output at context time `seconds`, received on the page at `receivedAt`. */
const turn = (sounding: boolean, seconds: number, receivedAt: number): Transition => ({
  sounding,
  contextTime: seconds,
  receivedAt,
  outputAt: seconds * 1000 + 30,
});

describe("the voice bench's frame pacing", () => {
  it("takes the intervals between frames and their distance from the nominal duration", () => {
    const figures = pacing([0, 40, 80, 130, 160], 40);
    expect(figures.intervalMs).toMatchObject({ samples: 4, median: 40, min: 30, max: 50 });
    expect(figures.deviationMs).toMatchObject({ median: 5, max: 10 });
    expect(figures.framesPerSecond).toBe(25);
  });

  it("has no rate for fewer than two frames", () => {
    expect(pacing([5], 40).framesPerSecond).toBeNaN();
  });
});

describe("the voice bench's output latencies", () => {
  const transitions = [
    turn(true, 1.0, 1_005),
    turn(false, 2.0, 2_003),
    turn(true, 3.0, 3_010),
    turn(false, 3.5, 3_512),
  ];

  it("pairs each moment with the output's next turn, on the page's, device's and audio clocks", () => {
    const { samples, skipped } = latenciesToTurn(
      [{ at: 1_995, contextTime: 1.99 }],
      transitions,
      false,
    );
    expect(skipped).toBe(0);
    expect(samples).toEqual([{ workletMs: 8, audibleMs: 35, renderMs: 10 }]);
  });

  it("pairs answers with the turn to sound", () => {
    const { samples } = latenciesToTurn([{ at: 3_000, contextTime: 2.995 }], transitions, true);
    expect(samples).toEqual([{ workletMs: 10, audibleMs: 30, renderMs: 5 }]);
  });

  it("skips a moment when the output was already that way, or turned the other way next", () => {
    const moments = [
      { at: 2_500, contextTime: 2.5 }, // already silent: an interrupt with nothing playing
      { at: 4_000, contextTime: 4 }, // nothing follows
    ];
    expect(latenciesToTurn(moments, transitions, false)).toEqual({ samples: [], skipped: 2 });
    // While sounding, the next turn expected is to silence; asking for sound skips it.
    expect(latenciesToTurn([{ at: 1_500, contextTime: 1.5 }], transitions, true).skipped).toBe(1);
  });

  it("counts gaps only between the first sound and the last silence", () => {
    expect(silencesWithin(transitions)).toBe(1);
    expect(silencesWithin(transitions.slice(0, 2))).toBe(0);
    expect(silencesWithin([])).toBe(0);
  });
});

describe("the voice bench's summaries and goals", () => {
  it("gives a share of the call in percent, and the median of round medians", () => {
    expect(percentOf(20, 1_000)).toBe(2);
    expect(percentOf(1, 0)).toBeNaN();
    const figures = acrossRounds([[1, 2, 3], [10], [5, 7]]);
    expect(figures.roundMedians).toMatchObject({ samples: 3, median: 6 });
    expect(figures.all).toMatchObject({ samples: 6, median: 4 });
  });

  const inputs = {
    bargeIn: summarize([10, 20, 100]),
    underruns: 0,
    speechSeconds: 60,
    mainThreadPercent: 2,
    entryGzipBytes: 6_000,
  };
  const met = (overrides: Partial<typeof inputs>) =>
    Object.fromEntries(voiceGoals({ ...inputs, ...overrides }).map((g) => [g.id, g.met]));

  it("meets each goal at its limit and misses it just over", () => {
    expect(met({})).toEqual({
      "voice-barge-in": true,
      "voice-underruns": true,
      "voice-main-thread": true,
      "voice-size": true,
    });
    expect(met({ bargeIn: summarize([10, 20, 100.5]) })["voice-barge-in"]).toBe(false);
    expect(met({ underruns: 1 })["voice-underruns"]).toBe(false);
    expect(met({ mainThreadPercent: 2.001 })["voice-main-thread"]).toBe(false);
    expect(met({ entryGzipBytes: 6_001 })["voice-size"]).toBe(false);
  });

  it("judges barge-in on the p95, and misses it without a measurement", () => {
    // Median 20 ms, but one in twenty over the goal.
    const slowTail = summarize([...Array.from({ length: 19 }, () => 20), 150]);
    expect(met({ bargeIn: slowTail })["voice-barge-in"]).toBe(true);
    const slowerTail = summarize([...Array.from({ length: 18 }, () => 20), 150, 150]);
    expect(met({ bargeIn: slowerTail })["voice-barge-in"]).toBe(false);
    expect(met({ bargeIn: summarize([]) })["voice-barge-in"]).toBe(false);
  });
});

describe("the voice bench's size", () => {
  it("counts the entry and the chunks it imports statically, not those behind import()", () => {
    const output = (imports: { path: string; kind: string }[], entryPoint?: string) => ({
      bytes: 1,
      inputs: {},
      imports,
      exports: [],
      ...(entryPoint ? { entryPoint } : {}),
    });
    const metafile = {
      inputs: {},
      outputs: {
        "out/voice.js": output(
          [
            { path: "out/shared.js", kind: "import-statement" },
            { path: "out/worklet.js", kind: "dynamic-import" },
          ],
          "bench/size/voice.js",
        ),
        "out/shared.js": output([{ path: "out/more.js", kind: "import-statement" }]),
        "out/more.js": output([]),
        "out/worklet.js": output([{ path: "out/shared.js", kind: "import-statement" }]),
      },
    } as unknown as Metafile;
    expect(eagerOutputs(metafile, "bench/size/voice.js").sort()).toEqual([
      "out/more.js",
      "out/shared.js",
      "out/voice.js",
    ]);
    expect(() => eagerOutputs(metafile, "other.js")).toThrow(/no output/);
  });
});

describe("the voice goals in the README's goal table", () => {
  const read = <T>(name: string) =>
    JSON.parse(readFileSync(join(RESULTS_DIR, `${name}.json`), "utf8")) as T;
  const rows = (voice: { goals: VoiceGoal[] }) =>
    goalRows(
      read<PeerResult>("peers-streaming"),
      read<PeerResult>("peers-long-thread"),
      read<SigningResult>("signing"),
      read<SizeResult>("size"),
      voice,
    );
  const goal = (id: string, met: boolean): VoiceGoal => ({ id, goal: id, measured: "x", met });

  it("joins them, missed ones first, each missed one with its reason", () => {
    const table = rows({ goals: [goal("voice-size", true), goal("voice-main-thread", false)] });
    expect(table.find((row) => row.id === "voice-size")).toMatchObject({ met: true });
    const missed = table.find((row) => row.id === "voice-main-thread");
    expect(missed?.because).toBe(MISSED_BECAUSE["voice-main-thread"]);
    expect(table.indexOf(missed!)).toBeLessThan(table.findIndex((row) => row.met));
  });

  it("refuses a missed voice goal without a reason", () => {
    expect(() => rows({ goals: [goal("voice-size", false)] })).toThrow(/voice-size is missed/);
  });
});
