/**
 * `npm run bench:streaming`: one long answer streamed by a loopback WebSocket server into
 * `<AgentChat urlProvider>` and into naive chats that update React per chunk (see
 * `StreamVariant`), in the same browser, from the same server, rounds rotating which goes first. Counts React commits
 * (Profiler), animation frames, main-thread time (CDP task time, long tasks) and the time until
 * the final text is on screen.
 *
 * Scenarios: `burst` (the goal's: 10,000 chunks back-to-back, as fast as the socket allows;
 * with a `render-once` floor that renders only at the end) and `paced` (1,000 chunks at one per
 * millisecond, a fast model's pace, where the browser keeps up with the socket).
 */
import { bundleForBrowser } from "./lib/bundle";
import { launchChromium } from "./lib/chromium";
import {
  mainThreadDelta,
  mainThreadTime,
  openBenchPage,
  summarize,
  type MainThreadTime,
} from "./lib/page";
import { writeResult } from "./lib/results";
import { startStreamServer, type StreamScript } from "./lib/stream-server";
import type {
  StreamFigures,
  StreamingBenchPage,
  StreamSetup,
  StreamVariant,
} from "./pages/streaming-page";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

interface Scenario extends StreamScript {
  name: "burst" | "paced";
  trigger: string;
  variants: StreamVariant[];
}

const chunksOf = (count: number) => Array.from({ length: count }, (_, i) => `w${i} `);

const SCENARIOS: Scenario[] = [
  {
    name: "burst",
    trigger: JSON.stringify({ inputText: "bench:burst" }),
    chunks: chunksOf(Number(process.env.BENCH_CHUNKS ?? 10_000)),
    variants: ["agent-chat", "naive", "naive-store", "render-once"],
  },
  {
    name: "paced",
    trigger: JSON.stringify({ inputText: "bench:paced" }),
    chunks: chunksOf(Number(process.env.BENCH_PACED_CHUNKS ?? 1_000)),
    chunksPerMs: 1,
    variants: ["agent-chat", "naive", "naive-store"],
  },
];

type RunFigures = StreamFigures & { scenario: Scenario["name"]; mainThread: MainThreadTime };

const NAMES: Record<StreamVariant, string> = {
  "agent-chat": "<AgentChat>",
  naive: "naive",
  "naive-store": "naive-store",
  "render-once": "render-once",
};

function rotate<T>(list: readonly T[], by: number): T[] {
  return list.map((_, i) => list[(i + by) % list.length]!);
}

function describe(runs: readonly RunFigures[]) {
  const of = (pick: (run: RunFigures) => number) => summarize(runs.map(pick));
  return {
    commits: of((run) => run.commits),
    animationFrames: of((run) => run.animationFrames),
    renderMs: of((run) => run.renderMs),
    mainThreadTaskMs: of((run) => run.mainThread.taskMs),
    mainThreadScriptMs: of((run) => run.mainThread.scriptMs),
    mainThreadLayoutAndStyleMs: of((run) => run.mainThread.layoutMs + run.mainThread.styleMs),
    longTaskMs: of((run) => run.longTasks.totalMs),
    receiveMs: of((run) => run.receiveMs),
    firstChunkToFinalCommitMs: of((run) => run.firstChunkToFinalCommitMs),
    firstChunkToFinalPaintMs: of((run) => run.firstChunkToFinalPaintMs),
    doneToFinalCommitMs: of((run) => run.doneToFinalCommitMs),
  };
}

const ratio = (a: number, b: number) => Math.round((a / Math.max(b, 0.1)) * 10) / 10;

async function main() {
  const code = await bundleForBrowser(
    new URL("./pages/streaming-page.tsx", import.meta.url).pathname,
    { reactProfiling: true },
  );
  const server = await startStreamServer(
    Object.fromEntries(SCENARIOS.map((scenario) => [scenario.trigger, scenario])),
  );
  const browser = await launchChromium();
  const runs: RunFigures[] = [];

  const once = async (scenario: Scenario, variant: StreamVariant): Promise<RunFigures> => {
    const { page, cdp } = await openBenchPage(browser, code, "streamingBench", server.pageUrl);
    try {
      const setup: StreamSetup = {
        variant,
        url: server.url,
        textFrames: scenario.chunks.length,
        finalTail: scenario.chunks.slice(-3).join("").trimEnd(),
        trigger: scenario.trigger,
      };
      await page.evaluate(
        (s) =>
          (window as unknown as { streamingBench: StreamingBenchPage }).streamingBench.prepare(s),
        setup,
      );
      const before = await mainThreadTime(cdp);
      const figures = await page.evaluate(() =>
        (window as unknown as { streamingBench: StreamingBenchPage }).streamingBench.stream(),
      );
      const after = await mainThreadTime(cdp);
      if (figures.framesReceived !== scenario.chunks.length + 1) {
        throw new Error(
          `${variant}: received ${figures.framesReceived} frames, sent ${scenario.chunks.length + 1}`,
        );
      }
      return { ...figures, scenario: scenario.name, mainThread: mainThreadDelta(before, after) };
    } finally {
      await page.close();
    }
  };

  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const scenario of SCENARIOS) {
        for (const variant of rotate(scenario.variants, round)) {
          const run = await once(scenario, variant);
          runs.push(run);
          console.log(
            `round ${round + 1} ${scenario.name} ${NAMES[variant].padEnd(12)}` +
              ` commits ${String(run.commits).padStart(5)}` +
              `  frames ${String(run.animationFrames).padStart(4)}` +
              `  main thread ${run.mainThread.taskMs.toFixed(0).padStart(5)} ms` +
              `  long tasks ${run.longTasks.totalMs.toFixed(0).padStart(5)} ms` +
              `  final text painted ${run.firstChunkToFinalPaintMs.toFixed(0).padStart(5)} ms` +
              ` after the first chunk`,
          );
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const scenarios = Object.fromEntries(
    SCENARIOS.map((scenario) => {
      const byVariant = Object.fromEntries(
        scenario.variants.map((variant) => [
          variant,
          describe(runs.filter((run) => run.scenario === scenario.name && run.variant === variant)),
        ]),
      );
      const ours = byVariant["agent-chat"]!;
      const versus = (baseline: ReturnType<typeof describe>) => ({
        commits: ratio(baseline.commits.median, ours.commits.median),
        reactRender: ratio(baseline.renderMs.median, ours.renderMs.median),
        mainThread: ratio(baseline.mainThreadTaskMs.median, ours.mainThreadTaskMs.median),
        timeToFinalText: ratio(
          baseline.firstChunkToFinalPaintMs.median,
          ours.firstChunkToFinalPaintMs.median,
        ),
      });
      const ratios = {
        naiveOverOurs: versus(byVariant.naive!),
        naiveStoreOverOurs: versus(byVariant["naive-store"]!),
      };
      const oursRuns = runs.filter(
        (run) => run.scenario === scenario.name && run.variant === "agent-chat",
      );
      const goal = {
        // +2: the commit that shows the first chunk may land before the frame counter's first tick.
        commitsBoundedByFrames: oursRuns.every((run) => run.commits <= run.animationFrames + 2),
        atLeast50xFewerCommitsThanNaive: ratios.naiveOverOurs.commits >= 50,
        atLeast50xFewerCommitsThanNaiveStore: ratios.naiveStoreOverOurs.commits >= 50,
      };
      return [
        scenario.name,
        {
          chunks: scenario.chunks.length,
          delivery: scenario.chunksPerMs
            ? `${scenario.chunksPerMs} chunk(s) per ms`
            : "back-to-back",
          goal,
          ratios,
          ...byVariant,
        },
      ];
    }),
  );

  console.log(`\nmedians over ${ROUNDS} rounds:`);
  for (const scenario of SCENARIOS) {
    const figures = scenarios[scenario.name] as Record<string, unknown> & {
      ratios: unknown;
      goal: Record<string, boolean>;
    };
    console.log(`  ${scenario.name} (${scenario.chunks.length} chunks):`);
    for (const variant of scenario.variants) {
      const v = figures[variant] as ReturnType<typeof describe>;
      console.log(
        `    ${NAMES[variant].padEnd(12)} commits ${v.commits.median}, frames ${v.animationFrames.median},` +
          ` React render ${v.renderMs.median} ms, main thread ${v.mainThreadTaskMs.median} ms` +
          ` (script ${v.mainThreadScriptMs.median}, layout+style ${v.mainThreadLayoutAndStyleMs.median}),` +
          ` long tasks ${v.longTaskMs.median} ms, final text painted after ${v.firstChunkToFinalPaintMs.median} ms`,
      );
    }
    const ratios = figures.ratios as unknown as Record<string, Record<string, number>>;
    const { goal } = figures;
    for (const [name, r] of Object.entries(ratios)) {
      console.log(
        `    ${name.replace("OverOurs", "")}/ours: commits ${r.commits}x, React render ${r.reactRender}x,` +
          ` main thread ${r.mainThread}x, time to final text ${r.timeToFinalText}x`,
      );
    }
    console.log(
      `    goal: ours bounded by frames ${goal.commitsBoundedByFrames ? "yes" : "NO"};` +
        ` >= 50x fewer commits than naive ${goal.atLeast50xFewerCommitsThanNaive ? "yes" : "NO"},` +
        ` than naive-store ${goal.atLeast50xFewerCommitsThanNaiveStore ? "yes" : "NO"}`,
    );
  }

  const path = writeResult("streaming-render", {
    goal: "<AgentChat> commits bounded by animation frames and >= 50x fewer than the naive baseline (burst of 10,000 chunks)",
    method: {
      rounds: ROUNDS,
      order: "each round rotates which variant goes first; every run in a fresh page",
      transport: "real WebSocket to a ws server on 127.0.0.1 (page served from the same origin)",
      react: "production build (react-dom/profiling, so <Profiler onRender> counts commits)",
      commits: "Profiler onRender calls from the trigger until the final text was committed",
      renderMs: "sum of Profiler actualDuration over those commits",
      animationFrames: "rAF callbacks between the first chunk's arrival and the final commit",
      mainThread: "CDP Performance.getMetrics TaskDuration delta, trigger to final paint",
      longTasks: "PerformanceObserver longtask entries during the stream",
    },
    scenarios,
    runs,
  });
  console.log(`written to ${path}`);
}

await main();
