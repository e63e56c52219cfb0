import { numberOption } from "../core/number-option";
import { invalidOption, isRecord } from "../core/option-checks";
import type { RateLimitStore } from "./rate-limit-store";

/** At most `max` requests per key in each window of `windowMs`. */
export interface RateLimitOptions {
  max: number;
  windowMs: number;
}

/** The verdict on one request. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterMs: number };

/** The rate-limit store failed or did not answer: the request cannot be counted. */
export class RateLimitStoreError extends Error {
  override readonly name = "RateLimitStoreError";
}

/** One limit: counts requests per key in a {@link RateLimitStore}. */
export interface RateLimiter {
  /**
   * Counts a request of `key` and says whether it is within the limit. Rejects with
   * {@link RateLimitStoreError} when the store fails.
   */
  take(key: string): Promise<RateLimitVerdict>;
  /** Gives back the count of a request of `key` that turned out not to count. */
  giveBack(key: string): Promise<void>;
}

/**
 * Checks `options` (named `name` in error messages) and makes a fixed-window limiter that keeps
 * its counts in `store`, under the keys it is given. The store is the one place where the
 * limit can fail open or closed: its failures reject, and the handler refuses the request.
 *
 * @throws {AgentRuntimeValidationError} for `options` that are not an object, a `max` that is
 *   not a whole number >= 1 or a `windowMs` that is not a number > 0.
 */
export function createRateLimiter(
  name: string,
  options: RateLimitOptions,
  store: RateLimitStore,
  now: () => number,
): RateLimiter {
  if (!isRecord(options)) {
    throw invalidOption(name, "an object { max, windowMs }", options);
  }
  const max = numberOption(`${name}.max`, options.max, "a whole number >= 1");
  const windowMs = numberOption(`${name}.windowMs`, options.windowMs, "a finite number > 0");
  return {
    async take(key) {
      const time = now();
      const { count, resetAt } = await store
        .increment(key, windowMs, time)
        .catch((error: unknown) => {
          throw new RateLimitStoreError("The rate-limit store failed", { cause: error });
        });
      return count > max
        ? { allowed: false, retryAfterMs: Math.max(0, resetAt - time) }
        : { allowed: true };
    },
    async giveBack(key) {
      await store.decrement(key, now()).catch((error: unknown) => {
        throw new RateLimitStoreError("The rate-limit store failed", { cause: error });
      });
    },
  };
}
