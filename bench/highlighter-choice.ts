/**
 * `npm run bench:highlighter`: why the code blocks of `agentcore-react/markdown` use the
 * highlighter they use. Builds each candidate of `highlighter-choice-setups.ts` with esbuild
 * (minified, browser, ESM) and records its min+gzip size, then times it in Node on a 300-line
 * TypeScript snippet (cold: the first call, grammar compilation included; warm: the median of
 * later calls) and on 20,000 characters (the chat's highlighting cap), and how much of the
 * snippet it colours. Writes `bench/results/highlighter-choice.json`.
 *
 * The candidates are not dependencies of the project: they are installed, pinned, into a
 * scratch folder (`ACR_HIGHLIGHTER_DIR`, default a folder in the OS temp dir) from the npm
 * registry on first run.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { build, type BuildOptions } from "esbuild";
import { HOSTILE_INPUTS, LIMIT_MS, hostileRuns, GUARD_LINE_CHARS } from "./highlighter-hostile";
import { CANDIDATES, CANDIDATE_PACKAGES, type CandidateSetup } from "./highlighter-choice-setups";
import { writeResult } from "./lib/results";

const dir = process.env.ACR_HIGHLIGHTER_DIR ?? join(tmpdir(), "acr-highlighter-choice");

type Pair = [string, string | null];
interface Built {
  highlight(code: string, lang: string): unknown;
  flatten(result: unknown): Pair[];
}

function installCandidates(): void {
  const manifest = { private: true, dependencies: CANDIDATE_PACKAGES };
  const path = join(dir, "package.json");
  const wanted = `${JSON.stringify(manifest, null, 2)}\n`;
  mkdirSync(dir, { recursive: true });
  if (
    existsSync(path) &&
    readFileSync(path, "utf8") === wanted &&
    existsSync(join(dir, "node_modules"))
  )
    return;
  writeFileSync(path, wanted);
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], {
    cwd: dir,
    stdio: "inherit",
  });
}

/** A real 300-line TypeScript snippet: the markdown guards and block splitter of this project. */
function typescriptSnippet(): string {
  const sources = ["markdown-blocks.ts", "markdown-guards.ts"].map((file) =>
    readFileSync(join("src/react/components/markdown", file), "utf8"),
  );
  return sources.join("\n").split("\n").slice(0, 300).join("\n");
}

async function bundle(candidate: CandidateSetup, index: number) {
  for (const [file, source] of Object.entries(candidate.files ?? {})) {
    writeFileSync(join(dir, file), source);
  }
  const entry = join(dir, `candidate-${index}.mjs`);
  writeFileSync(entry, candidate.source);
  const options: BuildOptions = { entryPoints: [entry], bundle: true, minify: true, format: "esm" };
  const browser = await build({ ...options, platform: "browser", write: false, logLevel: "error" });
  const code = browser.outputFiles?.[0]?.text ?? "";
  // Timed in Node: a Node build, for packages whose browser build reaches for `document`.
  const runnable = join(dir, `candidate-${index}.node.mjs`);
  await build({ ...options, platform: "node", outfile: runnable, logLevel: "error" });
  return { minBytes: Buffer.byteLength(code), gzipBytes: gzipSync(code).length, runnable };
}

async function timeMs(run: () => unknown): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function medianMs(run: () => unknown, times: number): Promise<number> {
  for (let i = 0; i < 5; i += 1) await run();
  const samples: number[] = [];
  for (let i = 0; i < times; i += 1) samples.push(await timeMs(run));
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** Share of the non-blank characters the highlighter put in a token, and how many kinds. */
function coverage(pairs: Pair[]) {
  let total = 0;
  let coloured = 0;
  const kinds = new Set<string>();
  for (const [text, kind] of pairs) {
    const visible = text.replace(/\s/g, "").length;
    total += visible;
    if (kind !== null) {
      coloured += visible;
      kinds.add(kind);
    }
  }
  return { colouredShare: Math.round((coloured / total) * 1000) / 1000, kinds: kinds.size };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function measure(candidate: CandidateSetup, index: number, snippet: string) {
  const size = await bundle(candidate, index);
  const cold = performance.now();
  const built = (await import(pathToFileURL(size.runnable).href)) as Built;
  const first = await timeMs(() => built.highlight(snippet, candidate.typescript));
  const coldMs = performance.now() - cold;
  const warmMs = await medianMs(() => built.highlight(snippet, candidate.typescript), 30);
  let cap = snippet;
  while (cap.length < 20_000) cap += `\n${snippet}`;
  cap = cap.slice(0, 20_000);
  const capMs = await medianMs(() => built.highlight(cap, candidate.typescript), 10);
  const result = await built.highlight(snippet, candidate.typescript);
  return {
    name: candidate.name,
    setup: candidate.setup,
    minBytes: size.minBytes,
    gzipBytes: size.gzipBytes,
    coldMs: round(coldMs),
    firstHighlightMs: round(first),
    warmMs: round(warmMs),
    cap20kCharsMs: round(capMs),
    ...coverage(built.flatten(result)),
    hostile: await hostileRuns(pathToFileURL(size.runnable).href, candidate.languages),
  };
}

installCandidates();
const snippet = typescriptSnippet();
const rows = [];
for (const [index, candidate] of CANDIDATES.entries()) {
  rows.push(await measure(candidate, index, snippet));
  console.warn(JSON.stringify(rows.at(-1)));
}
const path = writeResult("highlighter-choice", {
  hostileInputs: {
    chars: 20_000,
    limitMs: LIMIT_MS,
    guardLineChars: GUARD_LINE_CHARS,
    names: Object.keys(HOSTILE_INPUTS),
  },
  tool: "esbuild (bundle, minify, ESM, browser) + gzip; times in Node",
  snippet: { lines: snippet.split("\n").length, chars: snippet.length, language: "TypeScript" },
  packages: CANDIDATE_PACKAGES,
  note: "coldMs: import of the bundle plus the first highlight; warmMs: median of 30 after 5 warm-up runs; cap20kCharsMs: median of 10 on 20,000 characters of TypeScript; colouredShare: share of non-blank characters inside a token of some kind (a rough measure of how much the highlighter recognises); kinds: distinct token kinds on the snippet; hostile: the slowest highlight over every hostile input in every language of the setup, as it comes (oneLine) and cut into lines of at most guardLineChars (guardedLines); null when one ran past limitMs and was stopped. The machine is a shared 2-core one under load from other jobs: single timings vary by up to an order of magnitude, the ranking does not.",
  candidates: rows,
});
console.warn(`wrote ${path}`);
