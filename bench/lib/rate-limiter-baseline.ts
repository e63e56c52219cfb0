/**
 * The presign handler's rate limiter before it took a pluggable store (commit 8a80861,
 * `src/server/rate-limiter.ts`), kept verbatim apart from option checks so that
 * `bench/rate-limiter.ts` can measure "before" next to "after" on the same machine.
 */
const SWEEP_THRESHOLD = 10_000;

export type BaselineVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

export function createBaselineRateLimiter(
  options: { max: number; windowMs: number },
  now: () => number,
): (key: string) => BaselineVerdict {
  const { max, windowMs } = options;
  const windows = new Map<string, { start: number; count: number }>();

  return (key) => {
    const time = now();
    if (windows.size >= SWEEP_THRESHOLD) {
      for (const [k, w] of windows) if (time - w.start >= windowMs) windows.delete(k);
    }
    let window = windows.get(key);
    if (!window || time - window.start >= windowMs || time < window.start) {
      window = { start: time, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > max) {
      return { allowed: false, retryAfterMs: window.start + windowMs - time };
    }
    return { allowed: true };
  };
}
