import { commands, page } from "vitest/browser";
import { screenshotName, VISUAL_VARIANTS, type VisualVariant } from "../variants.ts";
import { waitUntilSettled } from "./settle.ts";
import { holdTimers, releaseTimers } from "./timer-control.ts";
import { stillPage, VOLATILE_SELECTORS } from "./volatile.ts";

/** The tallest viewport the check grows to for a tall story. */
const MAX_HEIGHT = 4000;

/**
 * Before the screenshots: the story has finished what its play function started (a stream, a
 * scripted reply, a retry) when its DOM has been still for `quietMs` and no timer is due within
 * `timerHorizonMs`. Longer waits (a reconnect backoff of seconds) are a state of their own, held
 * still by the timer hold. `timeoutMs` is a guard against a story that never settles.
 */
const SETTLE = { quietMs: 150, timerHorizonMs: 1_000, timeoutMs: 20_000 };
/** After a resize or a colour-scheme change, with timers held: React re-renders, fonts load. */
const RELAYOUT = { quietMs: 50, timerHorizonMs: 0, timeoutMs: 5_000 };

export interface StoryCheck {
  storyId: string;
  /** The element to screenshot: the story's root. */
  root: HTMLElement;
  /** Selectors to hide on top of {@link VOLATILE_SELECTORS}. */
  hide: readonly string[];
}

async function relayout(root: HTMLElement, hidden: readonly string[]): Promise<void> {
  window.scrollTo(0, 0);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  await waitUntilSettled(root, { ...RELAYOUT, ignore: hidden });
}

/** Puts the page in `variant`, grown to the story's height when the story is taller. */
async function applyVariant(root: HTMLElement, variant: VisualVariant, hidden: readonly string[]) {
  await commands.visualUseVariant(variant);
  await page.viewport(variant.width, variant.height);
  await relayout(root, hidden);
  const bottom = Math.ceil(root.getBoundingClientRect().bottom + window.scrollY);
  if (bottom <= variant.height) return;
  const height = Math.min(bottom, MAX_HEIGHT);
  await commands.visualUseVariant({ ...variant, height });
  await page.viewport(variant.width, height);
  await relayout(root, hidden);
}

async function captureVariant(
  check: StoryCheck,
  variant: VisualVariant,
  hidden: readonly string[],
): Promise<string | null> {
  await applyVariant(check.root, variant, hidden);
  const name = screenshotName(check.storyId, variant);
  const rect = check.root.getBoundingClientRect();
  // Whole pixels: a fractional edge would be blended differently from one run to the next.
  const { round } = Math;
  const [x, y, width, height] = [
    round(rect.x),
    round(rect.y),
    round(rect.width),
    round(rect.height),
  ];
  if (!width || !height) return `${name}: the story's root has no size (${width} × ${height})`;
  const result = await commands.visualCapture(name, { x, y, width, height });
  if (result.width !== width) {
    return `${name}: the screenshot is ${result.width} px wide for a ${width} px root (the test frame was scaled)`;
  }
  if (result.status === "created") console.warn(`${name}: ${result.message}; commit it`);
  return result.failed ? `${name}: ${result.message}` : null;
}

/**
 * Screenshots a story in every variant and compares each with its baseline. Returns one line
 * per failed variant (empty when all match).
 */
export async function checkStory(check: StoryCheck): Promise<string[]> {
  const hidden = [...VOLATILE_SELECTORS, ...check.hide];
  const unstill = stillPage(hidden);
  const failures: string[] = [];
  try {
    const settle = await waitUntilSettled(check.root, { ...SETTLE, ignore: hidden });
    if (!settle.settled) {
      console.warn(`${check.storyId}: still changing after ${SETTLE.timeoutMs} ms`);
    }
    holdTimers();
    for (const variant of VISUAL_VARIANTS) {
      const failure = await captureVariant(check, variant, hidden);
      if (failure) failures.push(failure);
    }
  } finally {
    releaseTimers();
    unstill();
    await commands.visualRestore();
  }
  return failures;
}
