/**
 * `npm run bench:docs`: rewrites the generated parts of `docs/benchmarks-ui.md`, the README's
 * benchmark summary and docs/voice.md's measured figures from `bench/results/peers-streaming.json`,
 * `peers-long-thread.json`, `signing.json`, `size.json`, `size-app.json` and `voice.json`, so the figures quoted
 * come from one run each. Each part sits between
 * `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`; the prose around them is written by hand.
 * `--check` only reports whether the files are up to date (exit code 1 when not).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { format, resolveConfig } from "prettier";
import {
  ms,
  ratioCell,
  ratioTable,
  runLine,
  signingTable,
  streamingTable,
  threadTable,
  type PeerResult,
  type SigningResult,
} from "./lib/doc-tables";
import { goalRows, goalTable, type SizeResult } from "./lib/goals";
import { checkPeerReport, type RunRecord } from "./lib/peer-report";
import { RESULTS_DIR } from "./lib/results";
import { sizeAppTable, type SizeAppResult } from "./lib/size-app-doc";
import { voiceRunLine, voiceTable, type VoiceResult } from "./lib/voice-doc";

const ROOT = join(import.meta.dirname, "..");

function readResult<T>(name: string): T {
  return JSON.parse(readFileSync(join(RESULTS_DIR, `${name}.json`), "utf8")) as T;
}

const STREAM_RATIOS = {
  commits: "commits",
  mainThreadMs: "main thread",
  layoutStyleMs: "layout + style",
  firstChunkToFinalPaintMs: "first chunk to final paint",
  longestTaskMs: "longest task",
};
const THREAD_RATIOS = {
  openMs: "open the thread",
  keyToPaintMs: "keydown to paint, median",
  keyToPaintP95Ms: "p95",
  mainThreadPerKeyMs: "main thread per key",
};

function renderedMessages(result: PeerResult & { runs: RunRecord[] }): Record<string, number> {
  return Object.fromEntries(
    result.runs.map((run) => [run.implementation, Number(run.detail?.renderedMessages ?? 0)]),
  );
}

function browserSentence(signing: SigningResult, short = false): string {
  const { browserBundle, versions } = signing;
  if (browserBundle.bundles)
    return `\`bedrock-agentcore\` ${versions["bedrock-agentcore"]} bundles for browsers.`;
  if (short) {
    const builtIns = browserBundle.unresolved.filter((name) => name.startsWith("node:"));
    return (
      `\`bedrock-agentcore\` ${versions["bedrock-agentcore"]} does not bundle for browsers (esbuild ` +
      `\`--platform=browser\`: ${browserBundle.errorCount} errors, Node built-ins such as ` +
      `${builtIns
        .slice(0, 3)
        .map((name) => `\`${name}\``)
        .join(", ")}).`
    );
  }
  return (
    `\`bedrock-agentcore\` ${versions["bedrock-agentcore"]} does not bundle for browsers: esbuild ` +
    `${versions.esbuild} (\`--bundle --platform=browser\`, importing \`RuntimeClient\` from ` +
    `\`bedrock-agentcore/runtime\`) stops with ${browserBundle.errorCount} errors, modules it cannot ` +
    `resolve in a browser: ${browserBundle.unresolved.map((name) => `\`${name}\``).join(", ")}.`
  );
}

/** The README's summary: ours / peer for the figures a reader compares first. */
function readmeSummary(
  stream: PeerResult,
  thread: PeerResult,
  signing: SigningResult,
  sizes: SizeResult,
  voice: VoiceResult,
): string {
  const peers = stream.shape.implementations.filter((id) => id !== stream.shape.ours);
  const cell = (scenario: string, metric: string, peer: string) =>
    ratioCell(stream.scenarios[scenario]!.ratios[metric]![peer]!);
  const label = (result: PeerResult, id: string) =>
    result.implementationInfo[id]!.label.replace("<AgentChat>", "`<AgentChat>`");
  const rows = peers.map(
    (peer) =>
      `| ${label(stream, peer)} | ${cell("burst", "mainThreadMs", peer)} | ${cell("burst", "firstChunkToFinalPaintMs", peer)} | ${cell("paced", "mainThreadMs", peer)} | ${cell("paced", "firstChunkToFinalPaintMs", peer)} |`,
  );
  const threadPeers = thread.shape.implementations.filter((id) => id !== thread.shape.ours);
  const threadRows = threadPeers.map(
    (peer) =>
      `| ${label(thread, peer)} | ${ratioCell(thread.scenarios.thread!.ratios.openMs![peer]!)} | ${ratioCell(thread.scenarios.thread!.ratios.keyToPaintMs![peer]!)} |`,
  );
  const oursOpen = thread.scenarios.thread!.medians.ours!.openMs!.median;
  const bounded = ["burst", "paced"].every((s) => stream.scenarios[s]!.oursCommitsBoundedByFrames);
  const chunks = stream.scenarios.burst!.chunks ?? 0;
  return [
    `Streaming ${chunks.toLocaleString("en-US")} chunks, \`<AgentChat>\` / peer (median of ${stream.shape.rounds} rotated rounds, [range]; below 1: ours costs less). ${runLine(stream)}.`,
    "",
    "| peer | burst: main thread | burst: first chunk to final paint | paced: main thread | paced: first chunk to final paint |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `A thread of ${(thread.implementationInfo.ours!.messages ?? 0).toLocaleString("en-US")} messages, \`<AgentChat>\` (opens in ${ms(oursOpen)}) / other (median of ${thread.shape.rounds} rounds):`,
    "",
    "| other | open the thread | keydown to paint |",
    "| --- | --- | --- |",
    ...threadRows,
    "",
    `Goals, missed ones first (streaming commits stay bounded by animation frames in every run: ${bounded ? "yes" : "**no**"}):`,
    "",
    goalTable(goalRows(stream, thread, signing, sizes, voice)),
    "",
    `Presigning, ours / other (time per URL): ${Object.entries(signing.node.ratios)
      .map(([name, r]) => `\`${name}\` ${r.median.toFixed(2)} in Node`)
      .join(
        ", ",
      )}, \`smithy\` ${signing.chromium.ratios.smithy?.median.toFixed(2)} in Chromium. ${browserSentence(signing, true)}`,
  ].join("\n");
}

function blocks(): Record<string, string> {
  const stream = readResult<PeerResult & { runs: RunRecord[] }>("peers-streaming");
  const thread = readResult<PeerResult & { runs: RunRecord[] }>("peers-long-thread");
  const signing = readResult<SigningResult>("signing");
  const sizes = readResult<SizeResult>("size");
  const voice = readResult<VoiceResult>("voice");
  for (const [name, result] of [
    ["peers-streaming", stream],
    ["peers-long-thread", thread],
  ] as const) {
    const problems = checkPeerReport(result);
    if (problems.length) throw new Error(`${name}.json: ${problems.join("; ")}`);
  }
  return {
    "streaming-run": `${runLine(stream)}; ${stream.shape.rounds} rounds.`,
    "streaming-burst": streamingTable(stream, "burst"),
    "streaming-paced": streamingTable(stream, "paced"),
    "streaming-ratios": ratioTable(stream, STREAM_RATIOS),
    "thread-run": `${runLine(thread)}; ${thread.shape.rounds} rounds.`,
    "thread-table": threadTable(thread, renderedMessages(thread)),
    "thread-ratios": ratioTable(thread, THREAD_RATIOS),
    "signing-run": `${runLine(signing)}; ${signing.node.rounds} rounds of ${signing.node.iterations} presigns per contender.`,
    "signing-table": signingTable(signing),
    "signing-browser": browserSentence(signing),
    "readme-peers": readmeSummary(stream, thread, signing, sizes, voice),
    "readme-size-app": sizeAppTable(readResult<SizeAppResult>("size-app")),
    "voice-run": voiceRunLine(voice),
    "voice-table": voiceTable(voice),
  };
}

/** `text` with every marked block it holds replaced by the new content. */
export function applyBlocks(text: string, content: Record<string, string>): string {
  return text.replace(
    /(<!-- bench:([a-z-]+) -->)[\s\S]*?(<!-- \/bench:\2 -->)/g,
    (whole, open: string, name: string, close: string) =>
      content[name] === undefined ? whole : `${open}\n\n${content[name]}\n\n${close}`,
  );
}

/** The files as they should be: `[path, current text, expected text]`. */
export async function renderedFiles(): Promise<[string, string, string][]> {
  const content = blocks();
  return Promise.all(
    ["docs/benchmarks-ui.md", "README.md", "docs/voice.md"].map(async (file) => {
      const path = join(ROOT, file);
      const current = readFileSync(path, "utf8");
      const options = (await resolveConfig(path)) ?? {};
      const expected = await format(applyBlocks(current, content), { ...options, filepath: path });
      return [path, current, expected] as [string, string, string];
    }),
  );
}

if (process.argv[1] === import.meta.filename) {
  const check = process.argv.includes("--check");
  let stale = false;
  for (const [path, current, expected] of await renderedFiles()) {
    if (current === expected) continue;
    stale = true;
    if (!check) writeFileSync(path, expected);
    console.log(`${check ? "out of date" : "rewrote"}: ${path}`);
  }
  if (check && stale) process.exitCode = 1;
}
