import { numberOption } from "../core/number-option";
import { isRecord, invalidOption } from "../core/option-checks";
import type { RateLimitCount, RateLimitStore } from "./rate-limit-store";

/** Default most keys the in-memory store tracks per generation (memory holds at most twice this). */
export const DEFAULT_MAX_RATE_LIMIT_KEYS = 50_000;

/** Options of {@link memoryRateLimitStore}. */
export interface MemoryRateLimitStoreOptions {
  /**
   * Most distinct keys tracked per generation (default 50,000; at most twice that are held,
   * about 200 bytes each). Past it, new keys share one overflow window until the next
   * generation: no tracked key is ever evicted, so a flood of new keys cannot reset anyone's
   * count, only slow down newcomers while it lasts.
   */
  maxKeys?: number;
}

/** The in-memory store, with its size for tests and metrics. */
export interface MemoryRateLimitStore extends RateLimitStore {
  /** Keys held (both generations), plus 1 while the overflow window is in use. */
  readonly size: number;
}

interface Window {
  count: number;
  start: number;
  resetAt: number;
}

function isLive(window: Window, now: number): boolean {
  // A clock that went backwards starts a new window rather than extending an old one.
  return now >= window.start && now < window.resetAt;
}

function checkOptions(options: MemoryRateLimitStoreOptions): number {
  if (!isRecord(options)) {
    throw invalidOption("memoryRateLimitStore", "an options object { maxKeys? }", options);
  }
  return numberOption(
    "memoryRateLimitStore maxKeys",
    options.maxKeys ?? DEFAULT_MAX_RATE_LIMIT_KEYS,
    "a whole number >= 1",
  );
}

/**
 * The default {@link RateLimitStore}: fixed windows in this process's memory, so each instance
 * counts on its own. Every operation is O(1): keys live in two generations (maps) that turn
 * over once per window length, so a window outlives its own end and then is dropped with its
 * generation, without any sweep. Memory is bounded by `maxKeys` per generation.
 *
 * @throws {AgentRuntimeValidationError} for options that are not an object or a `maxKeys`
 *   that is not a whole number >= 1.
 */
export function memoryRateLimitStore(
  options: MemoryRateLimitStoreOptions = {},
): MemoryRateLimitStore {
  const maxKeys = checkOptions(options);
  let current = new Map<string, Window>();
  let previous = new Map<string, Window>();
  let turnedAt = Number.NEGATIVE_INFINITY;
  let period = 0;
  let overflow: Window | undefined;

  const turn = (now: number, windowMs: number) => {
    period = Math.max(period, windowMs);
    if (now - turnedAt < period) return;
    // The generation dropped here was current before the last turn, at least one period ago:
    // every window in it started before that turn and has ended by now.
    previous = current;
    current = new Map();
    turnedAt = now;
  };

  const find = (key: string): Window | undefined => {
    const recent = current.get(key);
    if (recent) return recent;
    const older = previous.get(key);
    if (older) {
      previous.delete(key);
      current.set(key, older);
    }
    return older;
  };

  const fresh = (now: number, windowMs: number): Window => ({
    count: 0,
    start: now,
    resetAt: now + windowMs,
  });

  return {
    get size() {
      return current.size + previous.size + (overflow ? 1 : 0);
    },
    async increment(key, windowMs, now): Promise<RateLimitCount> {
      turn(now, windowMs);
      let window = find(key);
      if (window === undefined && current.size >= maxKeys) {
        if (!overflow || !isLive(overflow, now)) overflow = fresh(now, windowMs);
        window = overflow;
      } else if (window === undefined || !isLive(window, now)) {
        window = fresh(now, windowMs);
        current.set(key, window);
      }
      window.count += 1;
      return { count: window.count, resetAt: window.resetAt };
    },
    async decrement(key, now) {
      const window = current.get(key) ?? previous.get(key);
      if (window && isLive(window, now) && window.count > 0) window.count -= 1;
    },
  };
}
