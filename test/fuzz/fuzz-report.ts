import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** One seed for every fuzz target, so a failure replays exactly (fast-check prints the path). */
export const FUZZ_SEED = 20261127;

/** `FUZZ_SCALE=10` runs every target ten times longer (the report script passes `--scale`). */
const scale = Number(process.env.FUZZ_SCALE ?? 1);

/** The number of runs for a target: its base count times `FUZZ_SCALE`. */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * Records what a fuzz target ran, when `FUZZ_REPORT_DIR` is set (by `bench/fuzz-report.ts`):
 * one JSON file per target, merged into bench/results/fuzz.json by the script.
 */
export function recordFuzz(target: string, figures: { cases: number } & Record<string, unknown>) {
  const dir = process.env.FUZZ_REPORT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${target.replace(/[^a-z0-9-]+/gi, "_")}.json`);
  writeFileSync(file, JSON.stringify({ target, seed: FUZZ_SEED, ...figures }));
}

/**
 * Runs one fuzz target and records its figures whether it passes or fails (a failure is
 * recorded with the first line of its message, which names the counterexample), then rethrows.
 */
export async function fuzzTarget(
  target: string,
  figures: () => { cases: number } & Record<string, unknown>,
  run: () => unknown,
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    recordFuzz(target, { ...figures(), failed: message.split("\n").slice(0, 3).join(" ") });
    throw error;
  }
  recordFuzz(target, figures());
}
