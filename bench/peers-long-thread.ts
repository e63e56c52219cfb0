/**
 * `npm run bench:long-thread`: a thread of 5,000 messages opened in `<AgentChat>` (paged: the
 * latest 100 render first), in `<AgentChat>` without paging, in `useChat` with a memoized list,
 * and in assistant-ui's LocalRuntime; plus `<AgentChat>` with 50 messages, the reference for
 * "a long thread types as fast as a short one". Measures the time to open the thread and, for
 * keystrokes typed into the composer with real key events, keydown to the next presented frame.
 * Every round runs every implementation once, in a fresh page, in a rotated order.
 *
 * Knobs: BENCH_ROUNDS (default 3, quick enough for `npm run bench`; the documented run uses 5),
 * BENCH_MESSAGES (5,000), BENCH_KEYSTROKES (30).
 */
import { bundlePeerPages } from "./lib/bundle";
import { launchChromium } from "./lib/chromium";
import { sampleLoad, type LoadReport } from "./lib/load";
import { mainThreadDelta, mainThreadTime, openBenchPage } from "./lib/page";
import { buildScenarioReports, type ReportShape, type RunRecord } from "./lib/peer-report";
import { installedVersions } from "./lib/peer-versions";
import { writeResult } from "./lib/results";
import { median, rotate, round, summarize } from "./lib/stats";
import { startStreamServer } from "./lib/stream-server";
import type { ThreadBenchPage, ThreadSetup } from "./pages/peers/thread-harness";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 5_000);
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 30);
/** Pause between keys: a fast typist, and time for each key's frame before the next key. */
const KEY_DELAY_MS = 30;
const SENTENCE = "how do i presign a websocket url for agentcore runtime from the browser ";
const TYPED = SENTENCE.repeat(Math.ceil(KEYSTROKES / SENTENCE.length)).slice(0, KEYSTROKES);

interface ThreadImplementation {
  id: string;
  label: string;
  page: string;
  messages: number;
  options: ThreadSetup["options"];
  setup: string;
  packages: string[];
}

const IMPLEMENTATIONS: ThreadImplementation[] = [
  {
    id: "ours",
    label: "<AgentChat>",
    page: "thread-ours.tsx",
    messages: MESSAGES,
    options: {},
    setup: "<AgentChat chat={store}>, default pageSize (the latest 100 messages render first)",
    packages: ["react", "react-dom"],
  },
  {
    id: "ours-no-paging",
    label: "<AgentChat>, no paging",
    page: "thread-ours.tsx",
    messages: MESSAGES,
    options: { pageSize: MESSAGES },
    setup: `<AgentChat chat={store} pageSize={${MESSAGES}}>: every message rendered`,
    packages: ["react", "react-dom"],
  },
  {
    id: "ai-sdk-memo",
    label: "useChat, memoized list",
    page: "thread-ai-sdk.tsx",
    messages: MESSAGES,
    options: {},
    setup:
      "useChat({ messages }), React.memo message rows, the composer's text in useState beside useChat",
    packages: ["@ai-sdk/react", "ai"],
  },
  {
    id: "assistant-ui",
    label: "assistant-ui",
    page: "thread-assistant-ui.tsx",
    messages: MESSAGES,
    options: {},
    setup:
      "useLocalRuntime(adapter, { initialMessages }), ThreadPrimitive Viewport/Messages, ComposerPrimitive.Input",
    packages: ["@assistant-ui/react"],
  },
  {
    id: "ours-50",
    label: "<AgentChat>, 50 messages",
    page: "thread-ours.tsx",
    messages: 50,
    options: {},
    setup: "<AgentChat chat={store}> over a 50-message thread: the short-thread reference",
    packages: ["react", "react-dom"],
  },
  {
    id: "floor",
    label: "floor: a bare textarea",
    page: "thread-floor.tsx",
    messages: MESSAGES,
    options: {},
    setup:
      "the last message as text and a controlled <textarea>, nothing else: what a keystroke costs before any chat draws",
    packages: ["react", "react-dom"],
  },
];

const METRICS = ["openMs", "keyToPaintMs", "keyToPaintP95Ms", "mainThreadPerKeyMs"] as const;

type Bench = { threadBench: ThreadBenchPage };

async function main() {
  const load = sampleLoad();
  const bundles = await bundlePeerPages(IMPLEMENTATIONS);
  // Only the same-origin blank page is used; no agent streams here.
  const server = await startStreamServer({});
  const browser = await launchChromium();
  const runs: RunRecord[] = [];
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const [order, impl] of rotate(IMPLEMENTATIONS, r).entries()) {
        const { page, cdp, errors } = await openBenchPage(
          browser,
          bundles.get(impl.page)!,
          "threadBench",
          server.pageUrl,
          impl.id.startsWith("ours"),
        );
        try {
          const setup: ThreadSetup = { messages: impl.messages, options: impl.options };
          const opened = await page.evaluate(
            (s) => (window as unknown as Bench).threadBench.open(s),
            setup,
          );
          await page.click("textarea");
          await page.evaluate(() => (window as unknown as Bench).threadBench.startTyping());
          const before = await mainThreadTime(cdp);
          await page.keyboard.type(TYPED, { delay: KEY_DELAY_MS });
          const typing = await page.evaluate(
            (n) => (window as unknown as Bench).threadBench.stopTyping(n),
            KEYSTROKES,
          );
          const mainThread = mainThreadDelta(before, await mainThreadTime(cdp));
          if (typing.value !== TYPED)
            throw new Error(`${impl.id}: the composer holds ${JSON.stringify(typing.value)}`);
          if (errors.length) throw new Error(`${impl.id}: page error ${errors[0]}`);
          const keys = summarize(typing.keyToPaintMs);
          const metrics = {
            openMs: opened.openMs,
            keyToPaintMs: round(median(typing.keyToPaintMs)),
            keyToPaintP95Ms: keys.p95,
            mainThreadPerKeyMs: round(mainThread.taskMs / KEYSTROKES),
          };
          runs.push({
            round: r,
            scenario: "thread",
            implementation: impl.id,
            order,
            metrics,
            detail: {
              messages: impl.messages,
              renderedMessages: opened.renderedMessages,
              commitsPerKeystroke: round(typing.commits / KEYSTROKES),
              keyToPaintMs: keys,
              mainThread,
            },
          });
          console.log(
            `round ${r + 1} ${impl.id.padEnd(15)} open ${String(metrics.openMs).padStart(7)} ms` +
              ` (${opened.renderedMessages} of ${impl.messages} rendered)` +
              `  key->paint median ${metrics.keyToPaintMs} ms, p95 ${metrics.keyToPaintP95Ms} ms` +
              `  main thread ${metrics.mainThreadPerKeyMs} ms/key, ${round(typing.commits / KEYSTROKES)} commits/key`,
          );
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  report(runs, load.stop());
}

function report(runs: RunRecord[], load: LoadReport) {
  const shape: ReportShape = {
    ours: "ours",
    implementations: IMPLEMENTATIONS.map((impl) => impl.id),
    scenarios: ["thread"],
    metrics: METRICS,
    rounds: ROUNDS,
  };
  const reports = buildScenarioReports(shape, runs);
  console.log(`\nmedian of per-round ratios, ours (${MESSAGES} messages, paged) / other:`);
  for (const metric of METRICS) {
    const line = Object.entries(reports.thread!.ratios[metric]!)
      .map(([peer, r]) => `${peer} ${r.median ?? "n/a"}`)
      .join(", ");
    console.log(`  ${metric}: ${line}`);
  }
  const path = writeResult("peers-long-thread", {
    benchmark: "peers-long-thread",
    load,
    shape,
    implementationInfo: Object.fromEntries(
      IMPLEMENTATIONS.map((impl) => [
        impl.id,
        {
          label: impl.label,
          messages: impl.messages,
          setup: impl.setup,
          versions: installedVersions(impl.packages),
        },
      ]),
    ),
    method: {
      rounds: ROUNDS,
      thread:
        "questions and answers alternating (answers 27-189 characters), built before the timed part: for ours through the conversation store (the library cannot load a past thread), for the peers as their message objects",
      order:
        "every round runs every implementation once, the order rotated by one each round; every run in a fresh page",
      openMs:
        "root.render -> a task queued from the animation frame in which the last message's text was first in the DOM (includes the peers' conversion of their initial messages)",
      keystrokes: `${KEYSTROKES} characters typed into the composer with Playwright page.keyboard.type (CDP key events), ${KEY_DELAY_MS} ms apart`,
      keyToPaintMs:
        "median over the run's keystrokes of keydown event.timeStamp -> a task queued from the next animation frame",
      keyToPaintP95Ms: "nearest-rank p95 of the same, within the run",
      mainThreadPerKeyMs: "CDP TaskDuration delta over the typing, divided by the keystrokes",
      react: "production build, minified (react-dom/profiling)",
      ratios:
        "ours (5,000 messages, paged) / other per round; the median of those per-round ratios",
    },
    scenarios: { thread: reports.thread },
    runs,
  });
  console.log(`written to ${path}`);
}

await main();
