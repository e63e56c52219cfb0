import { afterEach, beforeEach } from "vitest";
import { checkStory } from "../visual/browser/check-story.ts";
import { installTimerControl } from "../visual/browser/timer-control.ts";

/**
 * The visual check of every story (see docs/chat.md, "Visual check"): after a story's test has
 * rendered it, run its play function and passed axe, the story is screenshotted light and dark
 * at 1280 and 390 px and compared with its baseline under test/visual/baselines/.
 *
 * Story parameters: `visual: { disable: true }` leaves a story out; `visual: { hide: [...] }`
 * leaves out more elements whose look depends on timing (see test/visual/browser/volatile.ts).
 */

// Before any story module loads, so every timer a story or the library sets is watched.
installTimerControl();

interface VisualParameters {
  disable?: boolean;
  hide?: string[];
}

function visualParameters(story: unknown): VisualParameters {
  const parameters = (story as { parameters?: { visual?: VisualParameters } } | undefined)
    ?.parameters;
  return parameters?.visual ?? {};
}

/** The body's children before the story rendered: the story's root is the one added since. */
let before = new Set<Element>();

beforeEach(() => {
  before = new Set(document.body.children);
});

afterEach(async (context) => {
  const storyId = (context.task.meta as { storyId?: string }).storyId;
  // A story whose test failed already has its error; a skipped one rendered nothing.
  if (!storyId || context.task.result?.errors?.length || context.task.result?.state === "skip") {
    return;
  }
  const options = visualParameters((context as { story?: unknown }).story);
  if (options.disable) return;
  const root = [...document.body.children].find(
    (child): child is HTMLElement => child instanceof HTMLElement && !before.has(child),
  );
  if (!root) throw new Error(`visual check of ${storyId}: no story root in the page`);
  const failures = await checkStory({ storyId, root, hide: options.hide ?? [] });
  if (failures.length) {
    throw new Error(
      `Visual check of the story "${context.task.name}" (${storyId}) failed:\n- ${failures.join("\n- ")}`,
    );
  }
});
