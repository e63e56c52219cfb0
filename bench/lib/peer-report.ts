/**
 * The shape of the peer benchmarks' result files (`bench/results/peers-*.json`) and the pure
 * code that builds and checks it: per-run metrics in, per-implementation summaries and per-round
 * ratios (ours / peer) out. `test/bench-harness.test.ts` runs it, and `bench/render-docs.ts`
 * checks a file with {@link checkPeerReport} before it quotes a figure.
 */
import { roundRatios, summarize, type Summary } from "./stats";

/** One implementation measured once in one scenario of one round. */
export interface RunRecord {
  round: number;
  scenario: string;
  implementation: string;
  /** Position in the round's rotated order (0 = went first). */
  order: number;
  /** Every metric named in the report's `metrics`, in its unit. */
  metrics: Record<string, number>;
  /** Anything else the page reported, kept for the record. */
  detail?: Record<string, unknown>;
}

/** What is compared: its ids, and which one is ours. */
export interface ReportShape {
  ours: string;
  implementations: readonly string[];
  scenarios: readonly string[];
  metrics: readonly string[];
  rounds: number;
}

export interface ScenarioReport {
  medians: Record<string, Record<string, Summary>>;
  /** `ratios[metric][peer]`: ours / peer in each round, and the median of those. */
  ratios: Record<string, Record<string, { perRound: (number | null)[]; median: number | null }>>;
}

/** Summaries and per-round ratios of every scenario. */
export function buildScenarioReports(
  shape: ReportShape,
  runs: readonly RunRecord[],
): Record<string, ScenarioReport> {
  const peers = shape.implementations.filter((id) => id !== shape.ours);
  return Object.fromEntries(
    shape.scenarios.map((scenario) => {
      const inScenario = runs.filter((run) => run.scenario === scenario);
      const medians = Object.fromEntries(
        shape.implementations.map((id) => {
          const mine = inScenario.filter((run) => run.implementation === id);
          const byMetric = shape.metrics.map((metric) => [
            metric,
            summarize(mine.map((run) => run.metrics[metric]!)),
          ]);
          return [id, Object.fromEntries(byMetric)];
        }),
      );
      const ratios = Object.fromEntries(
        shape.metrics.map((metric) => {
          const rounds = Array.from({ length: shape.rounds }, (_, round) =>
            Object.fromEntries(
              inScenario
                .filter((run) => run.round === round)
                .map((run) => [run.implementation, run.metrics[metric]!]),
            ),
          );
          return [metric, roundRatios(rounds, shape.ours, peers)];
        }),
      );
      return [scenario, { medians, ratios }];
    }),
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * What is wrong with a peer result file (an empty list when nothing is): the machine and load
 * are recorded, every implementation has a summary of every metric in every scenario, every
 * peer a ratio per round, and the runs add up.
 */
export function checkPeerReport(report: unknown): string[] {
  const problems: string[] = [];
  if (!isRecord(report)) return ["not an object"];
  const machine = report.machine;
  if (!isRecord(machine) || typeof machine.date !== "string" || typeof machine.cpu !== "string")
    problems.push("machine: date and cpu missing");
  const load = report.load;
  if (!isRecord(load) || typeof load.cores !== "number" || !Array.isArray(load.atStart))
    problems.push("load: cores and atStart missing");
  const shape = report.shape;
  if (!isRecord(shape)) return [...problems, "shape missing"];
  const { ours, implementations, scenarios, metrics, rounds } = shape as unknown as ReportShape;
  if (!Array.isArray(implementations) || !implementations.includes(ours))
    return [...problems, "shape: implementations must include ours"];
  if (!Array.isArray(scenarios) || !Array.isArray(metrics) || !(rounds >= 1))
    return [...problems, "shape: scenarios, metrics and rounds >= 1 required"];
  if (!isRecord(report.implementationInfo)) problems.push("implementationInfo missing");
  const results = isRecord(report.scenarios) ? report.scenarios : {};
  for (const scenario of scenarios) {
    const entry = results[scenario];
    if (!isRecord(entry) || !isRecord(entry.medians) || !isRecord(entry.ratios)) {
      problems.push(`${scenario}: medians and ratios missing`);
      continue;
    }
    const { medians, ratios } = entry as unknown as ScenarioReport;
    for (const id of implementations) {
      for (const metric of metrics) {
        const summary = medians[id]?.[metric];
        if (!summary || typeof summary.median !== "number")
          problems.push(`${scenario}: no ${metric} summary for ${id}`);
        else if (summary.samples !== rounds)
          problems.push(
            `${scenario}: ${id} ${metric} has ${summary.samples} samples, not ${rounds}`,
          );
        if (id === ours) continue;
        const perRound = ratios[metric]?.[id]?.perRound;
        if (!Array.isArray(perRound) || perRound.length !== rounds)
          problems.push(`${scenario}: ${metric} ratio to ${id} needs ${rounds} rounds`);
      }
    }
  }
  const expectedRuns = rounds * scenarios.length * implementations.length;
  if (!Array.isArray(report.runs) || report.runs.length !== expectedRuns)
    problems.push(`runs: expected ${expectedRuns}`);
  return problems;
}
