import { numberOption } from "../core/number-option";
import { invalidOption, isRecord } from "../core/option-checks";

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
 *
 * @throws {AgentRuntimeValidationError} for `options` that are not an object, a `max` that is
 *   not a whole number >= 1 or a `windowMs` that is not a number > 0.
 */
export function createRateLimiter(
  options: RateLimitOptions,
  now: () => number,
): (key: string) => RateLimitVerdict {
  if (!isRecord(options)) {
    throw invalidOption("rateLimit", "an object { max, windowMs }", options);
  }
  const max = numberOption("rateLimit.max", options.max, "a whole number >= 1");
  const windowMs = numberOption("rateLimit.windowMs", options.windowMs, "a finite number > 0");
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
