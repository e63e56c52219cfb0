/** At most `max` requests per principal in each window of `windowMs`. */
export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

/** The verdict on one request. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

const SWEEP_THRESHOLD = 10_000;

/**
 * A fixed-window counter per key, in memory (per server instance). Expired windows are swept
 * when many keys accumulate, so memory stays bounded by recent callers.
 */
export function createRateLimiter(
  options: RateLimitOptions,
  now: () => number,
): (key: string) => RateLimitVerdict {
  if (!Number.isInteger(options.max) || options.max < 1) {
    throw new TypeError(`rateLimit.max must be a whole number >= 1, got ${options.max}`);
  }
  if (!Number.isFinite(options.windowMs) || options.windowMs <= 0) {
    throw new TypeError(`rateLimit.windowMs must be a positive number, got ${options.windowMs}`);
  }
  const windows = new Map<string, { start: number; count: number }>();

  return (key) => {
    const time = now();
    if (windows.size >= SWEEP_THRESHOLD) {
      for (const [k, w] of windows) if (time - w.start >= options.windowMs) windows.delete(k);
    }
    let window = windows.get(key);
    if (!window || time - window.start >= options.windowMs || time < window.start) {
      window = { start: time, count: 0 };
      windows.set(key, window);
    }
    window.count += 1;
    if (window.count > options.max) {
      return { allowed: false, retryAfterMs: window.start + options.windowMs - time };
    }
    return { allowed: true };
  };
}
