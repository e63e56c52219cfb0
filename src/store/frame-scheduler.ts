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
