/**
 * `npm run bench:long-thread`: keystroke-to-commit time in `<AgentChat>`'s composer with 50 and
 * with 5,000 messages in the conversation, typed with real key events (Playwright keyboard),
 * rounds interleaved (50, 5,000, 50, 5,000, ...), each in a fresh page. Goal: the 5,000-message
 * median within 1.5x of the 50-message one.
 */
import { bundleForBrowser } from "./lib/bundle";
import { launchChromium } from "./lib/chromium";
import { openBenchPage, summarize } from "./lib/page";
import { writeResult } from "./lib/results";
import type {
  KeystrokeFigures,
  LongThreadBenchPage,
  ThreadFigures,
} from "./pages/long-thread-page";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const SIZES = [50, 5_000] as const;
const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 200);
const SENTENCE = "how do i presign a websocket url for agentcore runtime from the browser ";
const TYPED = SENTENCE.repeat(Math.ceil(KEYSTROKES / SENTENCE.length)).slice(0, KEYSTROKES);

type Bench = { longThreadBench: LongThreadBenchPage };
type RoundFigures = ThreadFigures & Omit<KeystrokeFigures, "value">;

async function main() {
  const code = await bundleForBrowser(
    new URL("./pages/long-thread-page.tsx", import.meta.url).pathname,
    { reactProfiling: true },
  );
  const browser = await launchChromium();
  const rounds: RoundFigures[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      for (const size of SIZES) {
        const { page } = await openBenchPage(browser, code, "longThreadBench");
        try {
          const thread = await page.evaluate(
            (count) => (window as unknown as Bench).longThreadBench.mount(count),
            size,
          );
          await page.click("textarea");
          await page.evaluate(() => (window as unknown as Bench).longThreadBench.startTyping());
          await page.keyboard.type(TYPED);
          const { value, ...typing } = await page.evaluate(() =>
            (window as unknown as Bench).longThreadBench.stopTyping(),
          );
          if (value !== TYPED)
            throw new Error(`${size}: the composer holds ${JSON.stringify(value)}`);
          if (typing.keyToCommitMs.length !== KEYSTROKES) {
            throw new Error(
              `${size}: ${typing.keyToCommitMs.length} of ${KEYSTROKES} keystrokes led to a commit`,
            );
          }
          rounds.push({ ...thread, ...typing });
          const keys = summarize(typing.keyToCommitMs);
          console.log(
            `round ${round + 1} ${String(size).padStart(5)} messages (${thread.renderedRows} rows):` +
              ` keydown -> commit median ${keys.median} ms, p95 ${keys.p95} ms;` +
              ` ${typing.commits} commits for ${typing.keystrokes} keys; mount ${thread.mountPaintMs} ms`,
          );
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
  }

  const bySize = Object.fromEntries(
    SIZES.map((size) => {
      const list = rounds.filter((round) => round.messages === size);
      return [
        size,
        {
          renderedRows: list[0]?.renderedRows,
          commitsPerKeystroke:
            list.reduce((sum, round) => sum + round.commits, 0) /
            list.reduce((sum, round) => sum + round.keystrokes, 0),
          keyToCommitMs: summarize(list.flatMap((round) => round.keyToCommitMs)),
          keyToPaintMs: summarize(list.flatMap((round) => round.keyToPaintMs)),
          reactRenderMs: summarize(list.flatMap((round) => round.renderMs)),
          buildMs: summarize(list.map((round) => round.buildMs)),
          mountCommitMs: summarize(list.map((round) => round.mountCommitMs)),
          mountPaintMs: summarize(list.map((round) => round.mountPaintMs)),
        },
      ];
    }),
  );
  const small = bySize[SIZES[0]]!;
  const large = bySize[SIZES[1]]!;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const ratios = {
    keyToCommitMedian: ratio(large.keyToCommitMs.median, small.keyToCommitMs.median),
    keyToCommitP95: ratio(large.keyToCommitMs.p95, small.keyToCommitMs.p95),
    keyToPaintMedian: ratio(large.keyToPaintMs.median, small.keyToPaintMs.median),
  };
  const goalMet = ratios.keyToCommitMedian <= 1.5;

  console.log(`\n${ROUNDS} rounds x ${KEYSTROKES} keystrokes per size:`);
  for (const size of SIZES) {
    const figures = bySize[size]!;
    console.log(
      `  ${String(size).padStart(5)} messages: keydown -> commit median ${figures.keyToCommitMs.median} ms,` +
        ` p95 ${figures.keyToCommitMs.p95} ms; keydown -> next frame median ${figures.keyToPaintMs.median} ms,` +
        ` p95 ${figures.keyToPaintMs.p95} ms; React render median ${figures.reactRenderMs.median} ms`,
    );
  }
  console.log(
    `  ratio 5,000/50: median ${ratios.keyToCommitMedian}, p95 ${ratios.keyToCommitP95}` +
      ` (goal median <= 1.5: ${goalMet ? "met" : "MISSED"})`,
  );
  const path = writeResult("long-thread", {
    goal: "keystroke-to-commit with 5,000 messages <= 1.5x that with 50 (medians)",
    goalMet,
    method: {
      rounds: ROUNDS,
      keystrokesPerRound: KEYSTROKES,
      order: "50 and 5,000 interleaved, each round in a fresh page",
      conversation:
        "built through createConversationStore over a test connection: user sends and agent answers (text-delta + message-end)",
      chat: "<AgentChat chat={store}> with default props (renders the latest 100 messages)",
      keystrokes: "Playwright page.keyboard.type (CDP key events), one character at a time",
      keyToCommit: "keydown event.timeStamp -> Profiler onRender of the commit it caused",
      keyToPaint: "keydown event.timeStamp -> a task queued from the next animation frame",
      react: "production build (react-dom/profiling, so <Profiler onRender> reports commits)",
    },
    ratios,
    bySize,
    rounds: rounds.map(({ keyToCommitMs, keyToPaintMs, renderMs, ...rest }) => ({
      ...rest,
      keyToCommitMs: summarize(keyToCommitMs),
      keyToPaintMs: summarize(keyToPaintMs),
      renderMs: summarize(renderMs),
    })),
  });
  console.log(`written to ${path}`);
}

await main();
