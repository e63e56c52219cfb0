import type { AnswerVerdict } from "./answer-check";
import type { CycleRecord, ReloadFault } from "./reload-cycle";

/** What the reload soak measured (bench/results/soak-reload.json). */
export interface ReloadSoakReport {
  seed: number;
  cycles: number;
  /** Faults injected, by kind (one per cycle). */
  faults: Partial<Record<ReloadFault, number>>;
  /** Page reloads among them (a drop then a reload counts once here, in `faults` as one). */
  reloads: number;
  /** Answers by verdict: `whole` is the only good one. */
  verdicts: Partial<Record<AnswerVerdict["kind"], number>>;
  /** Questions not shown exactly once after their answer settled. */
  questionsNotShownOnce: number;
  /** Median and slowest cycle, in ms. */
  cycleMs: { median: number; max: number };
  /** After a last reload: the conversation on screen, checked in full (see `finalCheck`). */
  finalConversation: { shown: number; inOrderOnce: boolean };
  /** Every cycle that went wrong, with what it saw. */
  failures: CycleRecord[];
}

function countBy<K extends string>(keys: readonly K[]): Partial<Record<K, number>> {
  const counts: Partial<Record<K, number>> = {};
  for (const key of keys) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Whether a cycle went as it must: its answer whole and its question shown once. */
export function cycleFailed(record: CycleRecord): boolean {
  return record.verdict.kind !== "whole" || record.questionsShown !== 1;
}

/**
 * Whether the questions on screen are `q-<k>` for consecutive `k` up to the last cycle, each
 * once and in order (the list may show only the newest ones).
 */
export function questionsInOrderOnce(shown: readonly string[], cycles: number): boolean {
  const first = cycles - shown.length;
  return shown.every((text, index) => text === `q-${first + index}`);
}

/** The soak's report from its cycles and the final check. */
export function reloadSoakReport(
  seed: number,
  records: readonly CycleRecord[],
  finalConversation: ReloadSoakReport["finalConversation"],
): ReloadSoakReport {
  return {
    seed,
    cycles: records.length,
    faults: countBy(records.map((record) => record.fault)),
    reloads: records.filter((record) => record.fault !== "drop-mid-answer").length,
    verdicts: countBy(records.map((record) => record.verdict.kind)),
    questionsNotShownOnce: records.filter((record) => record.questionsShown !== 1).length,
    cycleMs: {
      median: Math.round(median(records.map((record) => record.ms))),
      max: Math.round(Math.max(0, ...records.map((record) => record.ms))),
    },
    finalConversation,
    failures: records.filter(cycleFailed),
  };
}
