/**
 * Hostile inputs for the candidate highlighters of `bench/highlighter-choice.ts`. Agent output
 * can be crafted to make a regex-based highlighter backtrack (a long run that a pattern tries
 * from every position), and a highlighter runs on the page's main thread: the worst case
 * matters as much as the typical one. Each input is 20,000 characters (the chat's cap), run
 * through every language of the setup in a worker that is stopped after `LIMIT_MS`: once as
 * it comes (one 20,000-character line for most), once cut into lines of at most
 * `GUARD_LINE_CHARS` (what the chat highlights at most: a longer line leaves its block plain).
 */
import { Worker } from "node:worker_threads";

/** A highlight running longer than this is stopped and recorded as `null` (did not finish). */
export const LIMIT_MS = 5_000;
const SIZE = 20_000;
/** The longest line the chat highlights. */
export const GUARD_LINE_CHARS = 1_000;

/** A seeded generator, so every run feeds the same "random" punctuation. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function randomPunctuation(): string {
  const next = seeded(7);
  const alphabet = "<>{}()[]\"'`/*\\$#:;.,=!-+ \na1_@%&|?";
  let out = "";
  while (out.length < SIZE) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

const fill = (unit: string, prefix = "") => (prefix + unit.repeat(SIZE)).slice(0, SIZE);

export const HOSTILE_INPUTS: Record<string, string> = {
  "one identifier": fill("a"),
  "spaces then a word": fill(" ").slice(1) + "x",
  "identifiers and spaces, no colon": fill("a "),
  "unterminated string of escapes": fill("\\a", '"'),
  "unterminated block comment": fill("*", "/*"),
  "nested template literals": fill("`${"),
  "angle brackets": fill("<"),
  "open parentheses": fill("("),
  "member chain": fill("a."),
  "digits and dots": fill("1."),
  "tabs and colons": fill("\t:"),
  "dashes (YAML, diff, SQL comments)": fill("- "),
  "random punctuation": randomPunctuation(),
};

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.url).then((built) => {
  parentPort.on("message", async ({ code, lang }) => {
    const started = performance.now();
    try { await built.highlight(code, lang); } catch {}
    parentPort.postMessage(performance.now() - started);
  });
  parentPort.postMessage("ready");
});`;

/** `code` cut into lines of at most `GUARD_LINE_CHARS` characters, 20,000 in all. */
function inLines(code: string): string {
  const lines = code.split("\n").flatMap((line) => line.match(/[^]{1,999}/g) ?? [""]);
  return lines.join("\n").slice(0, SIZE);
}

/** Runs one highlight in `worker`: its time in ms, or `null` if it ran past `LIMIT_MS`. */
function runOne(worker: Worker, code: string, lang: string): Promise<number | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), LIMIT_MS);
    worker.once("message", (ms: number) => {
      clearTimeout(timer);
      resolve(ms);
    });
    worker.postMessage({ code, lang });
  });
}

function startWorker(url: string): Promise<Worker> {
  const worker = new Worker(WORKER, { eval: true, workerData: { url } });
  return new Promise((resolve, reject) => {
    worker.once("message", () => resolve(worker));
    worker.once("error", reject);
  });
}

export interface HostileResult {
  /** The slowest highlight over every input and language, in ms; `null` if one never finished. */
  worstMs: number | null;
  /** Where it was slowest. */
  worstInput: string;
  /** Inputs × languages that ran past `LIMIT_MS`. */
  unfinished: string[];
}

/** What a setup does with the hostile inputs, as they come and in lines the chat would take. */
export async function hostileRuns(url: string, languages: string[]) {
  const inputs = Object.entries(HOSTILE_INPUTS);
  return {
    oneLine: await hostileRun(url, languages, inputs),
    guardedLines: await hostileRun(
      url,
      languages,
      inputs.map(([name, code]) => [name, inLines(code)]),
    ),
  };
}

/** Every input through every language of a built setup (`url`: its module). */
async function hostileRun(
  url: string,
  languages: string[],
  inputs: Array<[string, string]>,
): Promise<HostileResult> {
  let worker = await startWorker(url);
  const result: HostileResult = { worstMs: 0, worstInput: "", unfinished: [] };
  for (const [name, code] of inputs) {
    for (const lang of languages) {
      // The better of two runs: one stall of a loaded machine is not the highlighter's.
      const first = await runOne(worker, code, lang);
      const ms =
        first === null ? null : Math.min(first, (await runOne(worker, code, lang)) ?? first);
      if (ms === null) {
        result.unfinished.push(`${name} (${lang})`);
        result.worstMs = null;
        result.worstInput = `${name} (${lang})`;
        await worker.terminate();
        worker = await startWorker(url);
      } else if (result.worstMs !== null && ms > result.worstMs) {
        result.worstMs = Math.round(ms * 10) / 10;
        result.worstInput = `${name} (${lang})`;
      }
    }
  }
  await worker.terminate();
  return result;
}
