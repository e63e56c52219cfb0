/**
 * The pure arithmetic of the benchmarks: medians, summaries, ratios per round and the rotated
 * order of implementations. Kept apart from the browser and Node plumbing so a fast test
 * (`test/bench-harness.test.ts`) checks it.
 */

/** Rounds to `digits` decimals (0.01 by default). */
export function round(value: number, digits = 2): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** The median (mean of the two middle values for an even count); NaN for an empty sample. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median, nearest-rank p95, min and max of a sample, rounded to 0.01. */
export function summarize(values: readonly number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return {
    samples: sorted.length,
    median: round(median(sorted)),
    p95: round(at(0.95)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}

/** A sample's summary, as {@link summarize} returns it. */
export type Summary = ReturnType<typeof summarize>;

/**
 * `ours / peer`, rounded to 0.0001 (ratios far below 1, such as 31 commits against 10,002, keep
 * their digits): below 1 means ours costs less. A zero peer figure gives `null` (no ratio),
 * never Infinity, so the JSON stays valid.
 */
export function ratio(ours: number, peer: number): number | null {
  if (!Number.isFinite(ours) || !Number.isFinite(peer) || peer === 0) return null;
  return round(ours / peer, 4);
}

/** `list` started at position `by` (wrapping): round `r` of a benchmark runs `rotate(list, r)`. */
export function rotate<T>(list: readonly T[], by: number): T[] {
  const n = list.length;
  if (n === 0) return [];
  const start = ((by % n) + n) % n;
  return list.map((_, i) => list[(i + start) % n]!);
}

/**
 * Per-round ratios of one metric, ours over each peer, and their median. `rounds[r][name]` is
 * the metric of implementation `name` in round `r`; rounds missing either side are skipped.
 */
export function roundRatios(
  rounds: readonly Readonly<Record<string, number>>[],
  ours: string,
  peers: readonly string[],
): Record<string, { perRound: (number | null)[]; median: number | null }> {
  return Object.fromEntries(
    peers.map((peer) => {
      const perRound = rounds.map((figures) =>
        figures[ours] === undefined || figures[peer] === undefined
          ? null
          : ratio(figures[ours], figures[peer]),
      );
      const known = perRound.filter((value): value is number => value !== null);
      return [peer, { perRound, median: known.length ? round(median(known), 4) : null }];
    }),
  );
}
