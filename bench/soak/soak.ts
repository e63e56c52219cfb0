/**
 * `npm run soak`: the full fault-injection soak (1,000 scheduled faults by default) against the
 * emulator, printed and written to bench/results/soak.json. Exits 1 when any check fails.
 * `--delivery`: the same with the delivery protocol on, against the Python soak agent (agent
 * restarts included), written to bench/results/soak-delivery.json.
 *
 *   npm run soak -- --faults 1000 --seed 20261127 [--delivery]
 */
import { parseArgs } from "node:util";
import { writeResult } from "../lib/results";
import { formatReport } from "./format-report";
import { runSoak } from "./run-soak";

const DEFAULT_SEED = 20261127;

const { values } = parseArgs({
  options: {
    faults: { type: "string", default: "1000" },
    seed: { type: "string", default: String(DEFAULT_SEED) },
    "url-lifetime": { type: "string", default: "5" },
    delivery: { type: "boolean", default: false },
  },
});
const faults = Number(values.faults);
const seed = values.seed === "random" ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
const urlLifetimeSeconds = Number(values["url-lifetime"]);
if (!Number.isInteger(faults) || faults < 1 || !Number.isInteger(seed)) {
  console.error(
    "usage: npm run soak -- [--faults N] [--seed N|random] [--url-lifetime SECONDS] [--delivery]",
  );
  process.exit(2);
}

const delivery = values.delivery;
console.log(
  `soak: seed ${seed}, ${faults} scheduled faults, URLs live ${urlLifetimeSeconds} s` +
    (delivery ? ", delivery on (Python agent)" : ""),
);
const report = await runSoak({
  seed,
  faults,
  urlLifetimeSeconds,
  delivery,
  log: (line) => console.log(`  ${line}`),
});
console.log(formatReport(report));
const path = writeResult(delivery ? "soak-delivery" : "soak", report);
console.log(`written to ${path}`);
process.exitCode = report.failures.length === 0 ? 0 : 1;
