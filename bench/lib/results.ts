import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";

/** Where every benchmark writes its figures. */
export const RESULTS_DIR = join(import.meta.dirname, "..", "results");

/** What machine and when: every result file carries it, and the README table quotes it. */
export function machineInfo() {
  const cpu = cpus()[0];
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpu: cpu ? `${cpu.model} (${cpus().length} cores)` : "unknown",
    memoryGiB: Math.round(totalmem() / 2 ** 30),
  };
}

/** Writes `bench/results/<name>.json` and returns the path. */
export function writeResult(name: string, data: unknown): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.json`);
  writeFileSync(
    path,
    `${JSON.stringify({ machine: machineInfo(), ...(data as object) }, null, 2)}\n`,
  );
  return path;
}
