/**
 * The page's timers, watched and holdable, so a story can be screenshotted in one state:
 *
 * - `timeoutDueWithin(ms)`: is a `setTimeout` callback about to run (a stream's next chunk, a
 *   scripted reply, a reconnect)? The check waits until none is before it starts.
 * - `holdTimers()` / `releaseTimers()`: while held, timer callbacks that come due are kept
 *   instead of run, so nothing the story scheduled (a stream, a countdown, a retry) changes the
 *   page between its four screenshots; on release they run, in order.
 *
 * Installed once per test file, before any story module loads, by replacing the window's
 * timer functions. Intervals are tracked for holding only: they tick for as long as they live
 * (elapsed-time and countdown clocks), so what they change is hidden from screenshots instead
 * (see volatile.ts). Rendering, events and promises are untouched, so React still re-renders
 * on a resize or a colour-scheme change while timers are held.
 */

type Callback = () => void;

/** The browser's own functions, for the check's waits and for releasing held callbacks. */
export const realTimers = {
  setTimeout: window.setTimeout.bind(window),
  clearTimeout: window.clearTimeout.bind(window),
  setInterval: window.setInterval.bind(window),
  clearInterval: window.clearInterval.bind(window),
};

/** When each pending `setTimeout` callback is due (performance.now() time). */
const dueTimeouts = new Map<number, number>();
/** Callbacks that came due while held, by timer id (an interval keeps only its latest tick). */
const heldCallbacks = new Map<number, Callback>();
let held = false;
let installed = false;

function runOrHold(id: number, callback: Callback): void {
  if (held) heldCallbacks.set(id, callback);
  else callback();
}

function forget(id: number | undefined): void {
  if (id === undefined) return;
  dueTimeouts.delete(id);
  heldCallbacks.delete(id);
}

/** Replaces the window's timer functions with watched, holdable ones. Idempotent. */
export function installTimerControl(): void {
  if (installed) return;
  installed = true;
  const setTimeoutWatched = (handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (typeof handler !== "function") return realTimers.setTimeout(handler, delay, ...args);
    const id: number = realTimers.setTimeout(() => {
      dueTimeouts.delete(id);
      runOrHold(id, () => handler(...args));
    }, delay);
    dueTimeouts.set(id, performance.now() + Math.max(0, Number(delay) || 0));
    return id;
  };
  const setIntervalWatched = (handler: TimerHandler, delay?: number, ...args: unknown[]) => {
    if (typeof handler !== "function") return realTimers.setInterval(handler, delay, ...args);
    const id: number = realTimers.setInterval(() => runOrHold(id, () => handler(...args)), delay);
    return id;
  };
  // Timer ids are shared: either clear function clears a timeout or an interval.
  const clear = (id?: number) => {
    forget(id);
    realTimers.clearTimeout(id);
  };
  window.setTimeout = setTimeoutWatched as typeof window.setTimeout;
  window.setInterval = setIntervalWatched as typeof window.setInterval;
  window.clearTimeout = clear as typeof window.clearTimeout;
  window.clearInterval = clear as typeof window.clearInterval;
}

/** Whether a `setTimeout` callback is due within `ms` (or overdue). */
export function timeoutDueWithin(ms: number): boolean {
  const limit = performance.now() + ms;
  for (const due of dueTimeouts.values()) if (due <= limit) return true;
  return false;
}

export function holdTimers(): void {
  held = true;
}

/** Ends the hold; the callbacks that came due meanwhile run next, each as its own task. */
export function releaseTimers(): void {
  held = false;
  for (const id of [...heldCallbacks.keys()]) {
    realTimers.setTimeout(() => {
      const callback = heldCallbacks.get(id);
      heldCallbacks.delete(id);
      callback?.();
    }, 0);
  }
}
