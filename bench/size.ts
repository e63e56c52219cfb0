/**
 * `npm run bench:size`: min+gzip of our entry points and of the peer libraries, measured by
 * size-limit (esbuild + gzip) in one run, written to bench/results/size.json.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeResult } from "./lib/results";

interface SizeEntry {
  name: string;
  size: number;
  sizeLimit?: number;
  passed?: boolean;
}

const config = JSON.parse(readFileSync(".size-limit.json", "utf8")) as Array<{
  name: string;
  limit?: string;
}>;
execFileSync("npm", ["run", "build"], { stdio: "ignore" });
let output: string;
try {
  output = execFileSync("npx", ["size-limit", "--json"], { encoding: "utf8" });
} catch (error) {
  // size-limit exits non-zero when a budget is exceeded; its JSON is still the figures.
  output = (error as { stdout?: string }).stdout ?? "";
}
const entries = JSON.parse(output) as SizeEntry[];
const rows = entries.map((entry) => {
  const budget = config.find((item) => item.name === entry.name)?.limit;
  return {
    name: entry.name,
    gzipBytes: entry.size,
    budget: budget ?? null,
    withinBudget: entry.passed ?? null,
  };
});
for (const row of rows) {
  const kb = (row.gzipBytes / 1024).toFixed(2);
  console.log(
    `${row.name.padEnd(48)} ${kb.padStart(8)} KB${row.budget ? `  (budget ${row.budget})` : ""}`,
  );
}
console.log(
  `written to ${writeResult("size", { tool: "size-limit 12 (esbuild, gzip)", entries: rows })}`,
);
