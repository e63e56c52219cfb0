import { realTimers, timeoutDueWithin } from "./timer-control.ts";

/** How long to wait between looks at the page (a poll on a condition, not a fixed wait). */
const POLL_MS = 25;

export interface SettleOptions {
  /** The DOM under the root must not have changed (outside `ignore`) for this long. */
  quietMs: number;
  /** No `setTimeout` callback may be due within this long (0: do not look at timers). */
  timerHorizonMs: number;
  /** Give up waiting after this long; the caller decides what that means. */
  timeoutMs: number;
  /** Changes inside elements matching these selectors do not count (clocks). */
  ignore: readonly string[];
}

export interface SettleResult {
  settled: boolean;
  waitedMs: number;
}

const pause = (ms: number) => new Promise<void>((resolve) => realTimers.setTimeout(resolve, ms));

function insideIgnored(node: Node, ignore: string): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return ignore !== "" && element?.closest(ignore) != null;
}

/**
 * Waits until the story stands still: its fonts loaded, its DOM unchanged for `quietMs`, and
 * no timer about to change it (see {@link SettleOptions}).
 */
export async function waitUntilSettled(
  root: Element,
  options: SettleOptions,
): Promise<SettleResult> {
  const started = performance.now();
  let lastChange = started;
  const ignore = options.ignore.join(", ");
  const observer = new MutationObserver((records) => {
    if (records.some((record) => !insideIgnored(record.target, ignore))) {
      lastChange = performance.now();
    }
  });
  observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  try {
    await document.fonts.ready;
    for (;;) {
      const now = performance.now();
      const quiet = now - lastChange >= options.quietMs;
      const timersIdle = options.timerHorizonMs === 0 || !timeoutDueWithin(options.timerHorizonMs);
      if (quiet && timersIdle && document.fonts.status === "loaded") {
        return { settled: true, waitedMs: now - started };
      }
      if (now - started >= options.timeoutMs) return { settled: false, waitedMs: now - started };
      await pause(POLL_MS);
    }
  } finally {
    observer.disconnect();
  }
}
