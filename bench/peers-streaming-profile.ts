/**
 * `npm run bench:streaming:profile`: where `<AgentChat>`'s time goes while the streaming bench's
 * answer streams. Runs ours only (the page of `npm run bench:streaming`, production React, not
 * minified so functions keep their names), records a Chromium CPU profile of the stream and
 * prints the functions with the most self time, the same by source file (through the bundle's
 * source map), the main-thread split Chromium reports (script, layout, style) and React's commits.
 * The `.cpuprofile` files are written to the system's temp directory, for DevTools. Then the same
 * for the floor (`bench/pages/peers/stream-floor.tsx`: a page that only receives and parses the
 * frames), which is what the stream costs before any UI draws it.
 *
 * Knobs: BENCH_CHUNKS (default 10,000), BENCH_SCENARIOS (burst,paced), BENCH_TOP (rows, 25),
 * BENCH_BASELINE (a git ref: profile `<AgentChat>` as it is there instead), BENCH_FLOOR=0 (skip
 * the floor).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { baselineSource, bundleWithSourceMap } from "./lib/bundle";
import { launchChromium } from "./lib/chromium";
import { mainThreadDelta, mainThreadTime, openBenchPage } from "./lib/page";
import { seededChunks } from "./lib/seeded-stream";
import { sourceFileLookup } from "./lib/source-map-lookup";
import { startStreamServer } from "./lib/stream-server";
import type { PeerStreamPage } from "./pages/peers/stream-harness";
import { peerStreamSetup, STREAM_IMPLEMENTATIONS, streamScenarios } from "./peers-streaming-config";

const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 10_000);
const TOP = Number(process.env.BENCH_TOP ?? 25);
const BASELINE = process.env.BENCH_BASELINE;
const ROOT = join(import.meta.dirname, "..");
const BUNDLE_URL = "agentcore-react-streaming-bench.js";

/** The parts of a CDP `Profiler.Profile` this script reads. */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  samples: number[];
  timeDeltas: number[];
}

type Bench = { peerStreamBench: PeerStreamPage };

/** Self time (ms) per key, from each sample's node and the time until the next sample. */
function selfTimes(profile: CpuProfile, keyOf: (node: CpuProfile["nodes"][number]) => string) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const key = keyOf(nodes.get(id)!);
    const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
    totals.set(key, (totals.get(key) ?? 0) + ms);
  });
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

function printTable(title: string, rows: [string, number][], busyMs: number): void {
  console.log(`\n${title}`);
  for (const [key, ms] of rows.slice(0, TOP)) {
    const share = ((ms / busyMs) * 100).toFixed(1).padStart(5);
    console.log(`  ${ms.toFixed(0).padStart(6)} ms ${share}%  ${key}`);
  }
}

/** A source path as the reader knows it: relative to the repository, `node_modules/` shortened. */
function shortSource(source: string | null): string {
  if (!source) return "(no source)";
  const path = relative(ROOT, source.replace(/^\.\.\/(\.\.\/)*/, "/")).replace(/^(\.\.\/)+/, "");
  const module = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(path);
  return module ? `${module[1]} (package)` : path;
}

interface Target {
  label: string;
  code: string;
  sourceOf: (line: number, column: number) => string | null;
  /** Ours gets the library's stylesheet (the baseline's own); the floor brings its CSS. */
  styles: boolean | string;
}

async function bundleTarget(page: string, label: string, librarySrc?: string): Promise<Target> {
  const entry = join(ROOT, "bench", "pages", "peers", page);
  const { code, map } = await bundleWithSourceMap(entry, {
    reactProfiling: true,
    minify: false,
    librarySrc,
  });
  const styles = librarySrc
    ? readFileSync(join(librarySrc, "react", "styles.css"), "utf8")
    : page === "stream-ours.tsx";
  // A named script: the profile's frames then carry a URL, and positions within the bundle.
  return {
    label,
    code: `${code}\n//# sourceURL=${BUNDLE_URL}`,
    sourceOf: sourceFileLookup(map),
    styles,
  };
}

async function main() {
  const impl = STREAM_IMPLEMENTATIONS[0]!;
  const ours = await bundleTarget(
    impl.page,
    BASELINE ? `<AgentChat> at ${BASELINE}` : "<AgentChat>",
    BASELINE ? baselineSource(BASELINE) : undefined,
  );
  const floor = await bundleTarget("stream-floor.tsx", "the floor (receive and parse only)");
  const scenarios = streamScenarios(seededChunks(CHUNKS));
  const server = await startStreamServer(Object.fromEntries(scenarios.map((s) => [s.prompt, s])));
  const browser = await launchChromium();
  try {
    for (const scenario of scenarios) {
      for (const target of process.env.BENCH_FLOOR === "0" ? [ours] : [ours, floor]) {
        const { page, cdp } = await openBenchPage(
          browser,
          target.code,
          "peerStreamBench",
          server.pageUrl,
          target.styles,
        );
        const setup = peerStreamSetup(scenario, impl, server.url);
        await page.evaluate((s) => (window as unknown as Bench).peerStreamBench.prepare(s), setup);
        await cdp.send("Profiler.enable");
        await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
        const before = await mainThreadTime(cdp);
        await cdp.send("Profiler.start");
        await browser.startTracing(page, { categories: TRACE_CATEGORIES });
        const figures = await page.evaluate(() =>
          (window as unknown as Bench).peerStreamBench.stream(),
        );
        const trace = JSON.parse((await browser.stopTracing()).toString()) as Trace;
        const { profile } = (await cdp.send("Profiler.stop")) as unknown as {
          profile: CpuProfile;
        };
        const time = mainThreadDelta(before, await mainThreadTime(cdp));
        await page.close();
        console.log(
          `\n== ${scenario.name}, ${CHUNKS} chunks: ${target.label} ==` +
            `\nmain thread ${time.taskMs.toFixed(0)} ms: script ${time.scriptMs.toFixed(0)}, ` +
            `layout ${time.layoutMs.toFixed(0)}, style ${time.styleMs.toFixed(0)} (the rest: ` +
            `frame dispatch, paint, GC, the browser's own work)` +
            `\nReact commits ${figures.commits} (render ${figures.renderMs.toFixed(0)} ms), ` +
            `animation frames ${figures.animationFrames}, first chunk to final paint ` +
            `${figures.firstChunkToFinalPaintMs.toFixed(0)} ms, longest task ` +
            `${figures.longTasks.longestMs.toFixed(0)} ms`,
        );
        printRendering(trace);
        if (target === ours) printProfile(profile, target, scenario.name);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

/** Chromium's trace events (the complete ones, `ph: "X"`, are what the summary reads). */
interface Trace {
  traceEvents: { name: string; ph: string; dur?: number; tid: number; args?: { name?: string } }[];
}

const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline"];

/** The renderer's steps per frame, as the trace names them, and what a reader calls them. */
const RENDERING_STEPS: Record<string, string> = {
  UpdateLayoutTree: "style",
  Layout: "layout",
  PrePaint: "pre-paint",
  Paint: "paint",
  Layerize: "layerize",
  ScrollLayer: "scroll",
  HitTest: "hit test",
  FunctionCall: "script (function calls)",
  EventDispatch: "DOM event dispatch",
  FireAnimationFrame: "animation frame callbacks",
  "ResizeObserver.Notify": "ResizeObserver",
};

/** The main thread's rendering steps over the trace: time and count of each. */
function printRendering(trace: Trace): void {
  const main = trace.traceEvents.find(
    (event) => event.name === "thread_name" && event.args?.name === "CrRendererMain",
  )?.tid;
  const totals = new Map<string, { ms: number; count: number }>();
  for (const event of trace.traceEvents) {
    const step = RENDERING_STEPS[event.name];
    if (event.ph !== "X" || event.tid !== main || !step) continue;
    const total = totals.get(step) ?? { ms: 0, count: 0 };
    total.ms += (event.dur ?? 0) / 1000;
    total.count += 1;
    totals.set(step, total);
  }
  const line = [...totals.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([step, { ms, count }]) => `${step} ${ms.toFixed(0)} ms (${count}x)`)
    .join(", ");
  console.log(`main thread by step (trace, steps may nest): ${line}`);
}

function printProfile(profile: CpuProfile, target: Target, scenario: string): void {
  const file = join(tmpdir(), `agentcore-react-streaming-${scenario}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const { sourceOf } = target;
  const source = (frame: CpuProfile["nodes"][number]["callFrame"]) =>
    shortSource(sourceOf(frame.lineNumber, frame.columnNumber));
  // "(program)" stays: the browser's own work outside JavaScript (layout, style, paint) lands there.
  const busy = (rows: [string, number][]) => rows.filter(([key]) => key !== "(idle)");
  const byFunction = busy(
    selfTimes(profile, ({ callFrame: frame }) => {
      const name = frame.functionName || "(anonymous)";
      return frame.url === BUNDLE_URL ? `${name}  ${source(frame)}` : name;
    }),
  );
  const byFile = busy(
    selfTimes(profile, ({ callFrame: frame }) =>
      frame.url === BUNDLE_URL ? source(frame) : frame.functionName || "(native)",
    ),
  );
  const busyMs = byFunction.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(`sampled busy time ${busyMs.toFixed(0)} ms; the profile: ${file}`);
  printTable("self time by function", byFunction, busyMs);
  printTable("self time by source", byFile, busyMs);
}

await main();
