/**
 * Schedules `callback` for the next frame and returns a function that cancels it. The store
 * publishes coalesced updates through one of these.
 */
export type FrameScheduler = (callback: () => void) => () => void;

/**
 * The frame functions of the global scope. The DOM typings promise them; Node and workers
 * without frames lack them, so both may be missing.
 */
interface FrameGlobals {
  requestAnimationFrame?: (callback: () => void) => number;
  cancelAnimationFrame?: (handle: number) => void;
}

/**
 * The default scheduler: `requestAnimationFrame` where the environment has one (browsers),
 * otherwise a `setTimeout(0)` (Node, workers without frames). It looks the functions up at
 * call time, so it never touches `window` on import and follows stubs installed later.
 */
export const animationFrameScheduler: FrameScheduler = (callback) => {
  // A widening the compiler checks: the global scope, typed as what it may really hold.
  const frames: FrameGlobals = globalThis;
  if (typeof frames.requestAnimationFrame === "function") {
    const handle = frames.requestAnimationFrame(() => callback());
    return () => frames.cancelAnimationFrame?.(handle);
  }
  const timer = setTimeout(callback, 0);
  return () => clearTimeout(timer);
};

/**
 * A scheduler that runs on animation frames (through `frames`) but at most once every
 * `minInterval` ms: a callback scheduled sooner after the last run waits for the rest of the
 * interval, then for a frame. `minInterval` 0 is `frames` itself.
 *
 * A streaming answer then re-renders at most 1000 / `minInterval` times a second instead of on
 * every frame the display shows; what is urgent (an answer's end, an error, a status change)
 * publishes at once anyway. The wait never exceeds `minInterval`, even if the clock is set back.
 */
export function throttledFrameScheduler(
  minInterval: number,
  frames: FrameScheduler = animationFrameScheduler,
): FrameScheduler {
  if (minInterval <= 0) return frames;
  let lastRun = -Infinity;
  const run = (callback: () => void) => () => {
    lastRun = Date.now();
    callback();
  };
  return (callback) => {
    const wait = Math.min(lastRun + minInterval - Date.now(), minInterval);
    if (wait <= 0) return frames(run(callback));
    let cancelFrame: (() => void) | null = null;
    const timer = setTimeout(() => {
      cancelFrame = frames(run(callback));
    }, wait);
    return () => {
      clearTimeout(timer);
      cancelFrame?.();
    };
  };
}
