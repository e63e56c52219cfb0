/**
 * Runs the fuzz targets (test/fuzz) and reports how many cases each ran: one line per target,
 * and bench/results/fuzz.json. `--scale 10` runs every target ten times longer.
 *
 *   node --import tsx bench/fuzz-report.ts [--scale N]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { writeResult } from "./lib/results";

const { values } = parseArgs({ options: { scale: { type: "string", default: "1" } } });
const scale = Number(values.scale);
if (!Number.isFinite(scale) || scale <= 0) {
  console.error("usage: node --import tsx bench/fuzz-report.ts [--scale N]");
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), "fuzz-report-"));
const started = performance.now();
const run = spawnSync("npx", ["vitest", "run", "--project", "node", "test/fuzz"], {
  env: { ...process.env, FUZZ_REPORT_DIR: dir, FUZZ_SCALE: String(scale) },
  stdio: ["ignore", "inherit", "inherit"],
});
const seconds = Math.round((performance.now() - started) / 100) / 10;

interface TargetFigures {
  target: string;
  seed: number;
  cases: number;
  [figure: string]: unknown;
}

const targets: TargetFigures[] = readdirSync(dir)
  .filter((name) => name.endsWith(".json"))
  .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as TargetFigures)
  .sort((a, b) => a.target.localeCompare(b.target));
rmSync(dir, { recursive: true, force: true });

const describe = (figures: TargetFigures) =>
  Object.entries(figures)
    .filter(([key]) => !["target", "seed", "cases"].includes(key))
    .map(([key, value]) =>
      typeof value === "object" ? `${key} ${summarizeObject(value)}` : `${key} ${String(value)}`,
    )
    .join(", ");

function summarizeObject(value: unknown): string {
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.every(([, v]) => typeof v === "number")) {
    return `{${entries.map(([k, v]) => `${k}: ${String(v)}`).join(", ")}}`;
  }
  return `(${entries.length} kinds, see fuzz.json)`;
}

console.log(
  `\nfuzz: ${targets.length} targets in ${seconds} s (scale ${scale}, seed ${targets[0]?.seed ?? "?"})`,
);
for (const figures of targets) {
  console.log(
    `  ${figures.target}: ${figures.cases.toLocaleString("en-US")} cases; ${describe(figures)}`,
  );
}
const total = targets.reduce((sum, figures) => sum + figures.cases, 0);
console.log(`  total: ${total.toLocaleString("en-US")} cases`);
const passed = run.status === 0;
if (!passed)
  console.log(
    '  some targets FAILED: see "failed" above (their counterexample) and the vitest output',
  );
const path = writeResult("fuzz", { scale, seconds, passed, totalCases: total, targets });
console.log(`written to ${path}`);
process.exitCode = passed ? 0 : 1;
