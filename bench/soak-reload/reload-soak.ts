/**
 * `npm run soak:reload`: the delivery protocol with `persist` on, in Chromium, against the
 * delivery demo agent: every cycle sends a question and injects one fault into its answer (a
 * page reload mid-answer or right after Send, a drop mid-answer, or a drop then a reload), then
 * checks the answer is whole, once, and the agent's next turn. Written to
 * bench/results/soak-reload.json; exits 1 when any cycle went wrong. A short version runs in
 * `npm test` (test/soak/reload.test.ts).
 *
 *   npm run soak:reload -- --cycles 200 --seed 20261204 [--piece-ms 8]
 */
import { parseArgs } from "node:util";
import { writeResult } from "../lib/results";
import { runReloadSoak } from "./run-reload-soak";

const { values } = parseArgs({
  options: {
    cycles: { type: "string", default: "200" },
    seed: { type: "string", default: "20261204" },
    "piece-ms": { type: "string", default: "8" },
  },
});
const cycles = Number(values.cycles);
const seed = Number(values.seed);
const pieceMs = Number(values["piece-ms"]);
if (![cycles, seed, pieceMs].every(Number.isInteger) || cycles < 1 || pieceMs < 0) {
  console.error("usage: npm run soak:reload -- [--cycles N] [--seed N] [--piece-ms MS]");
  process.exit(2);
}

console.log(`soak:reload: seed ${seed}, ${cycles} cycles, a piece every ${pieceMs} ms`);
const report = await runReloadSoak({
  cycles,
  seed,
  pieceMs,
  log: (line) => console.log(`  ${line}`),
});
console.log(JSON.stringify({ ...report, failures: report.failures.length }, null, 2));
console.log(`written to ${writeResult("soak-reload", report)}`);
process.exitCode = report.failures.length === 0 && report.finalConversation.inOrderOnce ? 0 : 1;
