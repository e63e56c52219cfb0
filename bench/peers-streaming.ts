/**
 * `npm run bench:streaming`: one seeded answer (10,000 text chunks of 3-8 characters) streamed by
 * a loopback WebSocket agent into `<AgentChat>` and into the peers an app would otherwise use,
 * each configured as its docs show: `useChat` (@ai-sdk/react) with a custom ChatTransport, with
 * and without `experimental_throttle: 50`; assistant-ui's LocalRuntime with a ChatModelAdapter
 * fed by the socket; react-use-websocket with `setState` per message. Production React, each
 * run in a fresh page, every round running every implementation once in a rotated order.
 * Scenarios: `burst` (back-to-back) and `paced` (one chunk per millisecond).
 *
 * The default is a quick run for `npm run bench` (3 rounds of 2,000 chunks); the documented run
 * is the issue's: `BENCH_ROUNDS=5 BENCH_CHUNKS=10000 npm run bench:streaming`. Other knobs:
 * BENCH_ONLY (comma-separated peer ids; ours always runs), BENCH_SCENARIOS (burst,paced),
 * BENCH_BASELINE (a git ref: also runs `<AgentChat>` as it is there, id `ours-baseline`).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundlePeerPages, peerBundleKey } from "./lib/bundle";
import { launchChromium } from "./lib/chromium";
import { sampleLoad } from "./lib/load";
import { mainThreadDelta, mainThreadTime, openBenchPage } from "./lib/page";
import { buildScenarioReports, type ReportShape, type RunRecord } from "./lib/peer-report";
import { installedVersions } from "./lib/peer-versions";
import { writeResult } from "./lib/results";
import { CHUNK_LENGTH, seededChunks } from "./lib/seeded-stream";
import { rotate } from "./lib/stats";
import { startStreamServer } from "./lib/stream-server";
import type { PeerStreamPage } from "./pages/peers/stream-harness";
import {
  peerStreamSetup,
  STREAM_IMPLEMENTATIONS,
  streamScenarios,
  type StreamImplementation,
  type StreamScenario,
} from "./peers-streaming-config";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CHUNKS = Number(process.env.BENCH_CHUNKS ?? 2_000);
const SEED = 14;
const only = process.env.BENCH_ONLY?.split(",");
const IMPLEMENTATIONS = STREAM_IMPLEMENTATIONS.filter(
  (impl) => impl.id === "ours" || !only || only.includes(impl.id),
);

const SCENARIOS = streamScenarios(seededChunks(CHUNKS, SEED));

export const STREAM_METRICS = [
  "commits",
  "mainThreadMs",
  "layoutStyleMs",
  "firstChunkToFinalPaintMs",
  "longestTaskMs",
] as const;

type Bench = { peerStreamBench: PeerStreamPage };

/** Ours gets the library's stylesheet (a baseline its own); the peers bring their CSS. */
function libraryStyles(impl: StreamImplementation): boolean | string {
  if (impl.librarySrc) return readFileSync(join(impl.librarySrc, "react", "styles.css"), "utf8");
  return impl.id === "ours";
}

async function main() {
  const load = sampleLoad();
  const bundles = await bundlePeerPages(IMPLEMENTATIONS);
  const server = await startStreamServer(
    Object.fromEntries(SCENARIOS.map((scenario) => [scenario.prompt, scenario])),
  );
  const browser = await launchChromium();
  const runs: RunRecord[] = [];

  const once = async (scenario: StreamScenario, impl: StreamImplementation) => {
    const code = bundles.get(peerBundleKey(impl))!;
    const { page, cdp, errors } = await openBenchPage(
      browser,
      code,
      "peerStreamBench",
      server.pageUrl,
      libraryStyles(impl),
    );
    try {
      const setup = peerStreamSetup(scenario, impl, server.url);
      await page.evaluate((s) => (window as unknown as Bench).peerStreamBench.prepare(s), setup);
      const before = await mainThreadTime(cdp);
      const figures = await page.evaluate(() =>
        (window as unknown as Bench).peerStreamBench.stream(),
      );
      const mainThread = mainThreadDelta(before, await mainThreadTime(cdp));
      if (figures.framesReceived !== scenario.chunks.length + 1) {
        throw new Error(`${impl.id}: received ${figures.framesReceived} frames`);
      }
      return { figures, mainThread, errors };
    } finally {
      await page.close();
    }
  };

  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const scenario of SCENARIOS) {
        const order = rotate(IMPLEMENTATIONS, round);
        for (const [position, impl] of order.entries()) {
          const { figures, mainThread, errors } = await once(scenario, impl);
          if (!figures.answerComplete)
            console.warn(`${impl.id}: the whole answer is not on screen`);
          if (errors.length) console.warn(`${impl.id}: ${errors.length} page errors: ${errors[0]}`);
          const metrics = {
            commits: figures.commits,
            mainThreadMs: mainThread.taskMs,
            layoutStyleMs: Math.round((mainThread.layoutMs + mainThread.styleMs) * 10) / 10,
            firstChunkToFinalPaintMs: figures.firstChunkToFinalPaintMs,
            longestTaskMs: figures.longTasks.longestMs,
          };
          runs.push({
            round,
            scenario: scenario.name,
            implementation: impl.id,
            order: position,
            metrics,
            detail: {
              ...figures,
              mainThread,
              pageErrors: errors.length,
              firstPageError: errors[0],
            },
          });
          console.log(
            `round ${round + 1} ${scenario.name} ${impl.id.padEnd(20)} commits ${String(metrics.commits).padStart(5)}` +
              `  main thread ${metrics.mainThreadMs.toFixed(0).padStart(6)} ms` +
              `  layout+style ${metrics.layoutStyleMs.toFixed(0).padStart(5)} ms` +
              `  final paint ${metrics.firstChunkToFinalPaintMs.toFixed(0).padStart(6)} ms` +
              `  longest task ${metrics.longestTaskMs.toFixed(0).padStart(5)} ms`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report(runs, load.stop());
}

type Detail = { answerComplete: boolean; pageErrors: number };

function countRuns(runs: RunRecord[], scenario: string, counts: (detail: Detail) => boolean) {
  return Object.fromEntries(
    IMPLEMENTATIONS.map((impl) => [
      impl.id,
      runs.filter(
        (run) =>
          run.scenario === scenario &&
          run.implementation === impl.id &&
          counts(run.detail as unknown as Detail),
      ).length,
    ]),
  );
}

function report(runs: RunRecord[], load: ReturnType<ReturnType<typeof sampleLoad>["stop"]>) {
  const shape: ReportShape = {
    ours: "ours",
    implementations: IMPLEMENTATIONS.map((impl) => impl.id),
    scenarios: SCENARIOS.map((scenario) => scenario.name),
    metrics: STREAM_METRICS,
    rounds: ROUNDS,
  };
  const reports = buildScenarioReports(shape, runs);
  const oursRuns = runs.filter((run) => run.implementation === "ours");
  const scenarios = Object.fromEntries(
    SCENARIOS.map((scenario) => [
      scenario.name,
      {
        chunks: scenario.chunks.length,
        delivery: scenario.chunksPerMs ? `${scenario.chunksPerMs} chunk per ms` : "back-to-back",
        // Commits while the answer streams (those taking the user's message come before the
        // first chunk) within the frames it streamed in; +2: the commit that shows the first
        // chunk may land before the frame counter's first tick.
        oursCommitsBoundedByFrames: oursRuns
          .filter((run) => run.scenario === scenario.name)
          .every((run) => {
            const { animationFrames, commitsBeforeFirstChunk } = run.detail as {
              animationFrames: number;
              commitsBeforeFirstChunk: number;
            };
            return run.metrics.commits! - commitsBeforeFirstChunk <= animationFrames + 2;
          }),
        // Runs whose page did not show the whole answer at the end, or threw uncaught errors.
        incompleteAnswers: countRuns(runs, scenario.name, (d) => !d.answerComplete),
        runsWithPageErrors: countRuns(runs, scenario.name, (d) => d.pageErrors > 0),
        ...reports[scenario.name],
      },
    ]),
  );
  console.log(`\nmedian of per-round ratios, ours / peer (below 1: ours costs less):`);
  for (const name of shape.scenarios) {
    for (const metric of STREAM_METRICS) {
      const line = Object.entries(reports[name]!.ratios[metric]!)
        .map(([peer, r]) => `${peer} ${r.median ?? "n/a"}`)
        .join(", ");
      console.log(`  ${name} ${metric}: ${line}`);
    }
  }
  const path = writeResult("peers-streaming", {
    benchmark: "peers-streaming",
    load,
    shape,
    implementationInfo: Object.fromEntries(
      IMPLEMENTATIONS.map((impl) => [
        impl.id,
        { label: impl.label, setup: impl.setup, versions: installedVersions(impl.packages) },
      ]),
    ),
    method: {
      rounds: ROUNDS,
      stream: `${CHUNKS} seeded text chunks of ${CHUNK_LENGTH.min}-${CHUNK_LENGTH.max} characters (seed ${SEED}), as {"text": chunk} frames then {"type":"done"}, from a ws server on 127.0.0.1`,
      order:
        "every round runs every implementation once per scenario, the order rotated by one each round; every run in a fresh page",
      trigger:
        "the app sends the prompt as a user message (ours through its composer); the agent answers it",
      react:
        "production build, minified (react-dom/profiling, so <Profiler onRender> counts commits)",
      commits: "Profiler onRender calls from the send until the final text was committed",
      mainThreadMs: "CDP Performance.getMetrics TaskDuration delta, send to final paint",
      layoutStyleMs: "CDP LayoutDuration + RecalcStyleDuration delta over the same span",
      firstChunkToFinalPaintMs:
        "first frame received -> a task queued from the animation frame after the final text was committed",
      longestTaskMs:
        "longest PerformanceObserver longtask entry during the stream (0: none over 50 ms)",
      ratios: "ours / peer per round; the median of those per-round ratios",
    },
    scenarios,
    runs,
  });
  console.log(`written to ${path}`);
}

await main();
