/** A key's count in its current window, as a {@link RateLimitStore} reports it. */
export interface RateLimitCount {
  /** Requests counted in the window so far, this one included. */
  count: number;
  /** When the window ends (epoch milliseconds). */
  resetAt: number;
}

/**
 * Where the presign handler's rate limits keep their counts: fixed windows per key. The
 * in-memory store (`memoryRateLimitStore`) is the default; a shared store (Redis, DynamoDB)
 * makes several instances share one limit.
 *
 * Keys are opaque strings made by the handler (`p:<principal>`, `a:<address>`, `pre:<address>`).
 * Both methods must be atomic: two instances counting the same key at once must both be counted.
 */
export interface RateLimitStore {
  /**
   * Adds one to `key`'s count and returns the count and the window's end. A key with no
   * window, or whose window has ended, starts a new one of `windowMs` at `now` with count 1.
   */
  increment(key: string, windowMs: number, now: number): Promise<RateLimitCount>;
  /**
   * Takes one back from `key`'s count in its current window, never going below 0; nothing when
   * the key has no current window. The pre-authorization limit gives back the count of a
   * request that `authorize` accepted.
   */
  decrement(key: string, now: number): Promise<void>;
}
