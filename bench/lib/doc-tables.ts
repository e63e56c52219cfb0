/**
 * Markdown tables of the peer benchmarks, from their result files only, so every figure in
 * `docs/benchmarks-ui.md` and the README comes from one run. `bench/render-docs.ts` writes them
 * between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` markers.
 */
import type { ReportShape, ScenarioReport } from "./peer-report";
import type { Summary } from "./stats";

export interface PeerResult {
  machine: { date: string; node: string; cpu: string; memoryGiB: number; platform: string };
  load: { cores: number; oneMinute: Summary };
  shape: ReportShape;
  implementationInfo: Record<string, { label: string; messages?: number }>;
  method: { rounds: number; stream?: string };
  scenarios: Record<
    string,
    ScenarioReport & {
      chunks?: number;
      delivery?: string;
      incompleteAnswers?: Record<string, number>;
      runsWithPageErrors?: Record<string, number>;
      oursCommitsBoundedByFrames?: boolean;
    }
  >;
}

export interface SigningResult {
  machine: PeerResult["machine"];
  load: PeerResult["load"];
  versions: Record<string, string>;
  node: SigningFigures;
  chromium: SigningFigures;
  browserBundle: { bundles: boolean; errorCount: number; unresolved: string[] };
}

interface SigningFigures {
  iterations: number;
  rounds: number;
  opsPerSec: Record<string, number>;
  ratios: Record<string, { perRound: number[]; median: number }>;
}

/** `12.3 ms` under 100, `1,234 ms` above. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return "n/a";
  return value < 100 ? `${value.toFixed(1)} ms` : `${Math.round(value).toLocaleString("en-US")} ms`;
}

const count = (value: number) => Math.round(value).toLocaleString("en-US");

/** A ratio with two decimals, or two significant digits below 0.1 (0.0031). */
export function ratioText(value: number): string {
  return value >= 0.1 || value === 0 ? value.toFixed(2) : value.toPrecision(2);
}

/** A ratio's median and, in brackets, the range of its per-round values. */
export function ratioCell(ratio: { perRound: (number | null)[]; median: number | null }): string {
  const known = ratio.perRound.filter((value): value is number => value !== null);
  if (ratio.median === null || known.length === 0) return "n/a";
  const low = Math.min(...known);
  const high = Math.max(...known);
  return `${ratioText(ratio.median)} [${ratioText(low)}-${ratioText(high)}]`;
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** One line: when, where and how loaded. */
export function runLine(result: { machine: PeerResult["machine"]; load: PeerResult["load"] }) {
  const { machine, load } = result;
  return (
    `${machine.date.slice(0, 10)}, ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node.slice(1)}, ` +
    `headless Chromium; 1-minute load average ${load.oneMinute.median} (median; ${load.oneMinute.min}-${load.oneMinute.max}) ` +
    `on ${load.cores} cores`
  );
}

const label = (result: PeerResult, id: string) =>
  (result.implementationInfo[id]?.label ?? id).replace("<AgentChat>", "`<AgentChat>`");

/** Per-implementation medians of one streaming scenario. */
export function streamingTable(result: PeerResult, scenario: string): string {
  const entry = result.scenarios[scenario]!;
  const rows = result.shape.implementations.map((id) => {
    const m = entry.medians[id]!;
    const incomplete = entry.incompleteAnswers?.[id] ?? 0;
    return [
      id === result.shape.ours ? `**${label(result, id)}**` : label(result, id),
      count(m.commits!.median),
      ms(m.mainThreadMs!.median),
      ms(m.layoutStyleMs!.median),
      ms(m.firstChunkToFinalPaintMs!.median),
      ms(m.longestTaskMs!.median),
      incomplete ? `**no**: ${incomplete} of ${result.shape.rounds} runs lost chunks` : "yes",
    ];
  });
  return table(
    [
      `${scenario}, ${count(entry.chunks ?? 0)} chunks (${entry.delivery})`,
      "commits",
      "main thread",
      "layout + style",
      "first chunk to final paint",
      "longest task",
      "whole answer shown",
    ],
    rows,
  );
}

/** Ours / peer, median of per-round ratios and their range, one row per peer and scenario. */
export function ratioTable(result: PeerResult, headers: Record<string, string>): string {
  const peers = result.shape.implementations.filter((id) => id !== result.shape.ours);
  const rows = result.shape.scenarios.flatMap((scenario) =>
    peers.map((peer) => [
      result.shape.scenarios.length > 1
        ? `${scenario}, ${label(result, peer)}`
        : label(result, peer),
      ...Object.keys(headers).map((metric) =>
        ratioCell(result.scenarios[scenario]!.ratios[metric]![peer]!),
      ),
    ]),
  );
  return table(["ours / peer", ...Object.values(headers)], rows);
}

/** Per-implementation medians of the long-thread bench. */
export function threadTable(result: PeerResult, rendered: Record<string, number>): string {
  const entry = result.scenarios.thread!;
  const rows = result.shape.implementations.map((id) => {
    const m = entry.medians[id]!;
    const info = result.implementationInfo[id]!;
    return [
      id === result.shape.ours ? `**${label(result, id)}**` : label(result, id),
      `${count(rendered[id] ?? 0)} of ${count(info.messages ?? 0)}`,
      ms(m.openMs!.median),
      ms(m.keyToPaintMs!.median),
      ms(m.keyToPaintP95Ms!.median),
      ms(m.mainThreadPerKeyMs!.median),
    ];
  });
  return table(
    [
      "implementation",
      "messages rendered",
      "open the thread",
      "keydown to paint, median",
      "p95",
      "main thread per key",
    ],
    rows,
  );
}

/** Presigns per second and ours / other, in Node and Chromium. */
export function signingTable(result: SigningResult): string {
  const names = Object.keys(result.node.opsPerSec);
  const rows = (["node", "chromium"] as const).map((where) => {
    const figures = result[where];
    return [
      where === "node" ? "Node" : "Chromium",
      ...names.map((name) =>
        figures.opsPerSec[name] === undefined ? "not bundlable" : count(figures.opsPerSec[name]),
      ),
      ...names
        .filter((name) => name !== "ours")
        .map((name) => (figures.ratios[name] ? ratioCell(figures.ratios[name]) : "n/a")),
    ];
  });
  const others = names.filter((name) => name !== "ours");
  return table(
    [
      "presigns per second",
      ...names.map((name) => (name === "ours" ? "ours" : `\`${name}\``)),
      ...others.map((name) => `ours / \`${name}\` (time)`),
    ],
    rows,
  );
}
