/**
 * `npm run bench:reconnect`: from a runtime-side drop to the first frame on the new socket, and
 * the provider calls on that path, for the connection as shipped (the next URL kept ready) and
 * for the same connection presigning on demand. Rounds alternate between the two; medians,
 * 95th percentiles and the ratio go to bench/results/reconnect.json.
 *
 *   npm run bench:reconnect -- --rounds 200
 */
import { parseArgs } from "node:util";
import { summarize } from "./soak/analyze";
import { writeResult } from "./lib/results";
import { startRig, type Strategy } from "./reconnect-rig";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "200" } } });
const rounds = Number(values.rounds);
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error("usage: npm run bench:reconnect -- [--rounds N]");
  process.exit(2);
}

/** Plain loopback, then a backend and a runtime 25 ms away (added before each of their answers). */
const SCENARIOS = [
  { name: "loopback", latencyMs: 0 },
  { name: "25 ms to the backend and to the runtime", latencyMs: 25 },
];
const WARMUP_ROUNDS = 10;

interface Figures {
  ms: ReturnType<typeof summarize>;
  providerCallsOnCriticalPath: { median: number | null; max: number | null; total: number };
  /** Provider calls outside the measured path (prefetches, the first connect). */
  providerCallsTotal: number;
}

async function scenario(latencyMs: number) {
  const rigs = await Promise.all(
    (["prefetch", "on-demand"] as Strategy[]).map((strategy) => startRig(strategy, latencyMs)),
  );
  const samples = new Map<Strategy, { ms: number[]; calls: number[] }>(
    rigs.map((rig) => [rig.strategy, { ms: [], calls: [] }]),
  );
  try {
    for (let round = 0; round < WARMUP_ROUNDS + rounds; round += 1) {
      // Alternate which goes first, so neither always runs on a warmer machine.
      const order = round % 2 === 0 ? rigs : [...rigs].reverse();
      for (const rig of order) {
        const { ms, providerCalls } = await rig.dropAndMeasure();
        if (round < WARMUP_ROUNDS) continue;
        samples.get(rig.strategy)!.ms.push(ms);
        samples.get(rig.strategy)!.calls.push(providerCalls);
      }
    }
  } finally {
    await Promise.all(rigs.map((rig) => rig.close()));
  }
  const figures = (strategy: Strategy): Figures => {
    const { ms, calls } = samples.get(strategy)!;
    const callSummary = summarize(calls);
    return {
      ms: summarize(ms),
      providerCallsOnCriticalPath: {
        median: callSummary.median,
        max: callSummary.max,
        total: calls.reduce((sum, n) => sum + n, 0),
      },
      providerCallsTotal: rigs.find((rig) => rig.strategy === strategy)!.providerCalls(),
    };
  };
  const ours = figures("prefetch");
  const onDemand = figures("on-demand");
  return {
    ours,
    onDemand,
    ratio:
      ours.ms.median && onDemand.ms.median
        ? Math.round((onDemand.ms.median / ours.ms.median) * 100) / 100
        : null,
  };
}

const results: Record<string, Awaited<ReturnType<typeof scenario>> & { latencyMs: number }> = {};
for (const { name, latencyMs } of SCENARIOS) {
  const result = await scenario(latencyMs);
  results[name] = { latencyMs, ...result };
  const line = (label: string, f: Figures) =>
    `  ${label}: median ${f.ms.median} ms, p95 ${f.ms.p95} ms; provider calls on the path: ` +
    `median ${f.providerCallsOnCriticalPath.median}, max ${f.providerCallsOnCriticalPath.max}`;
  console.log(`${name} (${rounds} rounds each):`);
  console.log(line("ours (next URL ready)", result.ours));
  console.log(line("presign on demand    ", result.onDemand));
  console.log(`  on-demand / ours: ${result.ratio}x`);
}
const path = writeResult("reconnect", {
  goal: "0 provider calls between a drop and the first frame on the new socket",
  measured:
    "runtime-side drop (emulator dropAll, the client sees 1006) to the first frame the client receives on the new socket; no backoff jitter (retry.random = 0) for either",
  rounds,
  scenarios: results,
});
console.log(`written to ${path}`);
