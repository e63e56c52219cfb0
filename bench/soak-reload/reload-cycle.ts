import type { Page } from "playwright-core";
import type { SeededRandom } from "../soak/random";
import type { DemoPage } from "../../test/e2e/support/demo-page";
import { checkAnswer, type AnswerVerdict } from "./answer-check";

/** The faults the reload soak injects, one per cycle. */
export const RELOAD_FAULTS = {
  /** The page reloads while the answer streams. */
  "reload-mid-answer": 5,
  /** The page reloads right after Send, before the message may have left. */
  "reload-mid-send": 2,
  /** The stream dies without a close frame while the answer streams (the panel's drop). */
  "drop-mid-answer": 2,
  /** A drop mid-answer, then a reload while the page reconnects. */
  "drop-then-reload": 1,
} as const;

export type ReloadFault = keyof typeof RELOAD_FAULTS;

/** What one cycle did and saw. */
export interface CycleRecord {
  cycle: number;
  fault: ReloadFault;
  /** Characters of the answer on screen when the fault hit (0 for `reload-mid-send`). */
  faultAt: number;
  verdict: AnswerVerdict;
  /** How many user messages on screen read this cycle's text (1 expected). */
  questionsShown: number;
  ms: number;
}

/** Longest a cycle waits for its answer. */
const CYCLE_TIMEOUT_MS = 60_000;

/** The messages of `role` on screen, oldest first: text (without screen-reader notes) and status. */
export async function shownMessages(
  page: Page,
  role: "user" | "assistant",
): Promise<Array<{ text: string; status: string | null }>> {
  return page.evaluate((role) => {
    return Array.from(document.querySelectorAll(`.acr-message--${role}`), (message) => {
      const bubble = message.querySelector(".acr-message__bubble");
      const clone = bubble?.cloneNode(true) as HTMLElement | undefined;
      for (const hidden of clone?.querySelectorAll(
        ".acr-visually-hidden, .acr-message__progress",
      ) ?? [])
        hidden.remove();
      return { text: clone?.textContent ?? "", status: message.getAttribute("data-status") };
    });
  }, role);
}

/** The answer on screen: the last assistant message's text and status. */
async function lastAnswer(page: Page): Promise<{ text: string; status: string | null }> {
  const answers = await shownMessages(page, "assistant");
  return answers[answers.length - 1] ?? { text: "", status: null };
}

/** Waits until the last answer answers `input` and is no longer streaming. */
async function waitForSettledAnswer(page: Page, input: string): Promise<boolean> {
  try {
    await page.waitForFunction(
      (input) => {
        const answers = document.querySelectorAll(".acr-message--assistant");
        const answer = answers[answers.length - 1];
        const status = answer?.getAttribute("data-status");
        return (
          status !== undefined &&
          status !== "streaming" &&
          (answer?.textContent ?? "").includes(`You said: "${input}"`)
        );
      },
      input,
      { timeout: CYCLE_TIMEOUT_MS, polling: 100 },
    );
    return true;
  } catch {
    return false;
  }
}

/** Waits until the answer on screen streams at least `length` characters. */
async function waitForStreamed(demo: DemoPage, input: string, length: number): Promise<number> {
  await demo.page.waitForFunction(
    ({ input, length }) => {
      const answers = document.querySelectorAll(".acr-message--assistant");
      const answer = answers[answers.length - 1];
      const text = answer?.textContent ?? "";
      return text.includes(`You said: "${input}"`) && text.length >= length;
    },
    { input, length },
    { timeout: CYCLE_TIMEOUT_MS, polling: "raf" },
  );
  return (await lastAnswer(demo.page)).text.length;
}

async function reloadAndReopen(demo: DemoPage): Promise<void> {
  await demo.page.reload();
  await demo.waitForStatus("open", CYCLE_TIMEOUT_MS);
}

/** Injects `fault` into the answer to `input` and returns where it hit (characters on screen). */
async function injectFault(
  demo: DemoPage,
  fault: ReloadFault,
  input: string,
  at: number,
): Promise<number> {
  if (fault === "reload-mid-send") {
    await reloadAndReopen(demo);
    return 0;
  }
  const streamed = await waitForStreamed(demo, input, at);
  if (fault !== "reload-mid-answer") {
    await demo.click("Drop connection");
    if (fault === "drop-mid-answer") return streamed;
    await demo.waitForStatus("reconnecting", CYCLE_TIMEOUT_MS);
  }
  await reloadAndReopen(demo);
  return streamed;
}

/**
 * One cycle: sends `q-<cycle>`, injects one fault, waits for the answer to settle and checks it
 * against the agent's reply for turn `expectedTurn`.
 */
export async function runCycle(
  demo: DemoPage,
  cycle: number,
  expectedTurn: number,
  random: SeededRandom,
  answerLength: number,
): Promise<CycleRecord> {
  const started = performance.now();
  const input = `q-${cycle}`;
  const fault = random.weighted(RELOAD_FAULTS);
  const at = random.int(40, answerLength - 40);
  await demo.send(input);
  const faultAt = await injectFault(demo, fault, input, at);
  const settled = await waitForSettledAnswer(demo.page, input);
  const answer = await lastAnswer(demo.page);
  let verdict: AnswerVerdict;
  if (!settled) verdict = { kind: "missing" };
  else if (answer.status === "interrupted") verdict = { kind: "interrupted" };
  else verdict = checkAnswer(input, answer.text, expectedTurn);
  const questions = await shownMessages(demo.page, "user");
  const questionsShown = questions.filter((question) => question.text === input).length;
  return { cycle, fault, faultAt, verdict, questionsShown, ms: performance.now() - started };
}
