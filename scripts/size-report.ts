/**
 * `npm run size:report` (after `npm run build`): what each module of `dist/` costs in the
 * size-limit entries, so a size cut starts from the biggest item instead of a guess.
 *
 * Bundles every entry of `.size-limit.json` (peers excluded) as size-limit does (esbuild,
 * minified, same externals), then prices every input module by its marginal gzip cost: the
 * whole bundle's gzip size minus the gzip size of the bundle without that module's code. The
 * marginal costs add up to less than the total (what modules share compresses once), so they
 * rank modules; the directory rows price each directory's modules removed together.
 *
 * Writes `bench/results/size-breakdown.json` (every module) and `bench/results/size-breakdown.md`
 * (per entry: directories, and the largest modules).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";
import { RESULTS_DIR, writeResult } from "../bench/lib/results";

interface SizeLimitEntry {
  name: string;
  path: string;
  ignore?: string[];
}

interface ModuleCost {
  module: string;
  minifiedBytes: number;
  marginalGzipBytes: number;
}

interface EntryReport {
  name: string;
  gzipBytes: number;
  directories: Array<{ directory: string; modules: number; marginalGzipBytes: number }>;
  modules: ModuleCost[];
}

const MODULES_IN_TABLE = 12;

const gzipBytes = (text: string): number => gzipSync(text, { level: 9 }).length;

/** The directory a module is counted in: `dist/store/x.js` → `store`, a package by its name. */
function directoryOf(module: string): string {
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(module);
  if (packageMatch?.[1]) return packageMatch[1];
  const parts = module.replace(/^dist\//, "").split("/");
  return parts.length > 1 ? parts.slice(0, -1).join("/") : ".";
}

/**
 * The entry's bundle cut into its modules' code: esbuild marks where each module starts with a
 * `// path` comment when whitespace is kept; each piece is then minified on its own.
 */
async function moduleSlices(entry: SizeLimitEntry): Promise<Map<string, string>> {
  const result = await build({
    entryPoints: [entry.path],
    bundle: true,
    external: entry.ignore ?? [],
    minifyIdentifiers: true,
    minifySyntax: true,
    treeShaking: true,
    format: "esm",
    write: false,
    logLevel: "silent",
  });
  const text = result.outputFiles[0]?.text ?? "";
  const slices = new Map<string, string>();
  let current = "(entry)";
  let lines: string[] = [];
  const flush = async (): Promise<void> => {
    const code = lines.join("\n");
    lines = [];
    if (code.trim() === "") return;
    // The bundle's closing `export { ... }` names bindings of other pieces: kept as it is.
    const exports = /\nexport \{[^}]*\};?\s*$/.exec(code);
    const body = exports ? code.slice(0, exports.index) : code;
    const minified = await transform(body, { minifyWhitespace: true });
    const piece = minified.code + (exports?.[0].replace(/\s+/g, "") ?? "");
    slices.set(current, (slices.get(current) ?? "") + piece);
  };
  for (const line of text.split("\n")) {
    const marker = /^\/\/ ((?:dist|node_modules|bench|src)\/\S+)$/.exec(line);
    if (marker?.[1]) {
      await flush();
      current = marker[1];
    } else {
      lines.push(line);
    }
  }
  await flush();
  return slices;
}

async function entryReport(entry: SizeLimitEntry): Promise<EntryReport> {
  const slices = await moduleSlices(entry);
  const names = [...slices.keys()];
  const whole = (skip: (name: string) => boolean): string =>
    names
      .filter((name) => !skip(name))
      .map((name) => slices.get(name))
      .join("");
  const total = gzipBytes(whole(() => false));
  const modules = names
    .map((module) => ({
      module,
      minifiedBytes: slices.get(module)?.length ?? 0,
      marginalGzipBytes: total - gzipBytes(whole((name) => name === module)),
    }))
    .sort((a, b) => b.marginalGzipBytes - a.marginalGzipBytes);
  const byDirectory = new Map<string, string[]>();
  for (const name of names) {
    const directory = directoryOf(name);
    byDirectory.set(directory, [...(byDirectory.get(directory) ?? []), name]);
  }
  const directories = [...byDirectory]
    .map(([directory, members]) => ({
      directory,
      modules: members.length,
      marginalGzipBytes: total - gzipBytes(whole((name) => members.includes(name))),
    }))
    .sort((a, b) => b.marginalGzipBytes - a.marginalGzipBytes);
  return { name: entry.name, gzipBytes: total, directories, modules };
}

const kb = (bytes: number): string => (bytes / 1000).toFixed(2);

function markdown(reports: EntryReport[]): string {
  const out = [
    "# Size breakdown",
    "",
    "Written by `npm run size:report` (run `npm run build` first). Marginal gzip cost: the",
    "entry's gzip size minus its gzip size without that code (esbuild, minified, as size-limit",
    "bundles). Marginal costs add up to less than the total: shared text compresses once.",
    "",
  ];
  for (const report of reports) {
    out.push(`## ${report.name}: ${kb(report.gzipBytes)} kB gzip`, "");
    out.push("| directory | modules | marginal kB |", "| --- | ---: | ---: |");
    for (const row of report.directories) {
      out.push(`| ${row.directory} | ${row.modules} | ${kb(row.marginalGzipBytes)} |`);
    }
    out.push("", "| largest modules | minified kB | marginal kB |", "| --- | ---: | ---: |");
    for (const row of report.modules.slice(0, MODULES_IN_TABLE)) {
      out.push(`| ${row.module} | ${kb(row.minifiedBytes)} | ${kb(row.marginalGzipBytes)} |`);
    }
    out.push("");
  }
  return out.join("\n");
}

const config = JSON.parse(readFileSync(".size-limit.json", "utf8")) as SizeLimitEntry[];
const entries = config.filter((entry) => !entry.name.startsWith("peer:"));
const only = process.argv[2];
const reports: EntryReport[] = [];
for (const entry of entries) {
  if (only && !entry.name.includes(only)) continue;
  reports.push(await entryReport(entry));
}
const jsonPath = writeResult("size-breakdown", {
  tool: "esbuild (minified, as size-limit) + gzip -9; marginal cost per module",
  entries: reports,
});
const markdownPath = `${RESULTS_DIR}/size-breakdown.md`;
writeFileSync(markdownPath, markdown(reports));
for (const report of reports) {
  console.log(`${report.name}: ${kb(report.gzipBytes)} kB`);
  for (const row of report.directories) {
    console.log(`  ${row.directory.padEnd(40)} ${kb(row.marginalGzipBytes).padStart(7)}`);
  }
}
console.log(`written to ${jsonPath} and ${markdownPath}`);
