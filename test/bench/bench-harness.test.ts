/**
 * The benchmarks are not part of `npm test` (they take minutes and measure time), but their pure
 * parts are: the arithmetic behind every ratio, the rotated order, the seeded stream, the result
 * files' shape, and that the docs quote the result files as they are.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ratioCell } from "../../bench/lib/doc-tables";
import {
  buildScenarioReports,
  checkPeerReport,
  type ReportShape,
  type RunRecord,
} from "../../bench/lib/peer-report";
import { answerTail, CHUNK_LENGTH, seededChunks } from "../../bench/lib/seeded-stream";
import { median, ratio, rotate, roundRatios, summarize } from "../../bench/lib/stats";
import { applyBlocks, renderedFiles } from "../../bench/render-docs";

describe("bench statistics", () => {
  it("takes the median of odd and even samples, NaN of none", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("summarizes with a nearest-rank p95", () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(summarize(values)).toEqual({ samples: 20, median: 10.5, p95: 19, min: 1, max: 20 });
  });

  it("gives ours / peer, keeping small ratios' digits, and no ratio against zero", () => {
    expect(ratio(31, 10_002)).toBe(0.0031);
    expect(ratio(150, 100)).toBe(1.5);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(Number.NaN, 3)).toBeNull();
  });

  it("rotates so that over n rounds each implementation goes first once", () => {
    const ids = ["ours", "a", "b", "c"];
    const firsts = ids.map((_, round) => rotate(ids, round)[0]);
    expect(firsts).toEqual(ids);
    for (let round = 0; round < 6; round++)
      expect([...rotate(ids, round)].sort()).toEqual([...ids].sort());
    expect(rotate(ids, -1)).toEqual(rotate(ids, 3));
  });

  it("takes ratios per round, then their median, skipping rounds a side is missing from", () => {
    const rounds: Record<string, number>[] = [
      { ours: 1, peer: 2 },
      { ours: 3, peer: 3 },
      { ours: 1 },
      { ours: 2, peer: 1 },
    ];
    expect(roundRatios(rounds, "ours", ["peer"])).toEqual({
      peer: { perRound: [0.5, 1, null, 2], median: 1 },
    });
  });
});

describe("the seeded stream", () => {
  const chunks = seededChunks(2_000);

  it("is the same for a seed and differs between seeds", () => {
    expect(seededChunks(2_000)).toEqual(chunks);
    expect(seededChunks(2_000, 15)).not.toEqual(chunks);
  });

  it("has chunks of 3 to 8 characters that render as they are", () => {
    for (const chunk of chunks) {
      expect(chunk.length).toBeGreaterThanOrEqual(CHUNK_LENGTH.min);
      expect(chunk.length).toBeLessThanOrEqual(CHUNK_LENGTH.max);
      expect(chunk).not.toMatch(/^[{"]|\n/);
    }
    const answer = chunks.join("");
    expect(answer).not.toContain("  ");
    expect(answer.endsWith(answerTail(chunks))).toBe(true);
  });
});

const SHAPE: ReportShape = {
  ours: "ours",
  implementations: ["ours", "peer"],
  scenarios: ["burst"],
  metrics: ["mainThreadMs"],
  rounds: 2,
};
const RUNS: RunRecord[] = [
  { round: 0, scenario: "burst", implementation: "ours", order: 0, metrics: { mainThreadMs: 10 } },
  { round: 0, scenario: "burst", implementation: "peer", order: 1, metrics: { mainThreadMs: 40 } },
  { round: 1, scenario: "burst", implementation: "peer", order: 0, metrics: { mainThreadMs: 20 } },
  { round: 1, scenario: "burst", implementation: "ours", order: 1, metrics: { mainThreadMs: 10 } },
];

function report(runs = RUNS) {
  return {
    machine: { date: "2026-12-03T00:00:00.000Z", cpu: "test cpu" },
    load: { cores: 2, atStart: [1, 1, 1] },
    shape: SHAPE,
    implementationInfo: { ours: { label: "ours" }, peer: { label: "peer" } },
    scenarios: buildScenarioReports(SHAPE, runs),
    runs,
  };
}

describe("peer result files", () => {
  it("report per-round ratios and medians per implementation", () => {
    const { burst } = buildScenarioReports(SHAPE, RUNS);
    expect(burst!.ratios.mainThreadMs!.peer).toEqual({ perRound: [0.25, 0.5], median: 0.375 });
    expect(burst!.medians.peer!.mainThreadMs!.median).toBe(30);
    expect(ratioCell(burst!.ratios.mainThreadMs!.peer!)).toBe("0.38 [0.25-0.50]");
  });

  it("pass the schema check when whole, and name what is missing when not", () => {
    expect(checkPeerReport(report())).toEqual([]);
    const short = report(RUNS.slice(0, 3));
    expect(checkPeerReport(short)).toContain("runs: expected 4");
    const { load: _load, ...noLoad } = report();
    expect(checkPeerReport(noLoad)).toContain("load: cores and atStart missing");
  });

  it.each(["peers-streaming", "peers-long-thread"])(
    "bench/results/%s.json passes the check",
    (name) => {
      const path = join(import.meta.dirname, "..", "..", "bench", "results", `${name}.json`);
      expect(checkPeerReport(JSON.parse(readFileSync(path, "utf8")))).toEqual([]);
    },
  );
});

describe("the benchmark docs", () => {
  it("replace only the marked blocks", () => {
    const text =
      "a\n<!-- bench:x -->\nold\n<!-- /bench:x -->\nb\n<!-- bench:y -->\nkeep\n<!-- /bench:y -->\n";
    expect(applyBlocks(text, { x: "new" })).toBe(
      "a\n<!-- bench:x -->\n\nnew\n\n<!-- /bench:x -->\nb\n<!-- bench:y -->\nkeep\n<!-- /bench:y -->\n",
    );
    expect(applyBlocks("<!-- bench:x -->\n<!-- /bench:x -->", { x: "new" })).toBe(
      "<!-- bench:x -->\n\nnew\n\n<!-- /bench:x -->",
    );
  });

  it("quote the result files as they are (npm run bench:docs rewrites them)", async () => {
    for (const [path, current, expected] of await renderedFiles()) {
      expect(current, `${path} is out of date: run npm run bench:docs`).toBe(expected);
    }
  });
});
