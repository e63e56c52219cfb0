import { numberOption } from "../core/number-option";
import { invalidOption, isRecord, optionalString } from "../core/option-checks";
import type { RateLimitCount, RateLimitStore } from "./rate-limit-store";

/**
 * What the Redis adapter needs of a client: send one command and resolve with its reply. A
 * `redis` (node-redis v4 and later) client fits as is; for `ioredis`, pass
 * `{ sendCommand: ([name, ...args]) => client.call(name, ...args) }`.
 */
export interface RedisCommandClient {
  sendCommand(args: string[]): Promise<unknown>;
}

/** Options of {@link redisRateLimitStore}. */
export interface RedisRateLimitStoreOptions {
  /** Prefix of every key (default `"agentcore-react:rate-limit:"`). */
  prefix?: string;
  /** How long to wait for Redis before the request fails with 503 (default 1000 ms). */
  timeoutMs?: number;
}

/** Default prefix of the adapter's Redis keys. */
export const DEFAULT_REDIS_KEY_PREFIX = "agentcore-react:rate-limit:";
/** Default wait for a Redis reply, in ms. */
export const DEFAULT_REDIS_TIMEOUT_MS = 1000;

// INCR, then an expiry only if the key has none (what `PEXPIRE ... NX` does on Redis 7, also
// on older servers), in one script: atomic, so concurrent instances never lose a count or
// leave a counter without expiry.
const INCREMENT = `local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

// DECR keeps the key's expiry; never below 0 and never creates a key.
const DECREMENT = `local count = tonumber(redis.call('GET', KEYS[1]))
if count and count > 0 then redis.call('DECR', KEYS[1]) end
return 0`;

function checkClient(client: RedisCommandClient): RedisCommandClient {
  if (isRecord(client) && typeof client.sendCommand === "function") return client;
  throw invalidOption(
    "redisRateLimitStore client",
    "a Redis client with sendCommand(args)",
    client,
  );
}

function withDeadline<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Redis did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

function parseCount(reply: unknown, now: number): RateLimitCount {
  if (Array.isArray(reply)) {
    const [count, ttl]: unknown[] = reply;
    if (typeof count === "number" && typeof ttl === "number") {
      return { count, resetAt: now + ttl };
    }
  }
  throw new Error("Redis answered the rate-limit script with an unexpected reply");
}

/**
 * A {@link RateLimitStore} in Redis, so that every instance of the presign handler shares one
 * limit. Each count is one key (`prefix + key`) holding an integer with the window's expiry,
 * changed atomically by a Lua script (`INCR`, and `PEXPIRE` when the key has no expiry yet).
 * The library never imports a Redis client: pass yours, connected.
 *
 * Use a Redis whose `maxmemory-policy` is `noeviction` (or one reserved for this): a policy
 * that evicts keys would evict counters, and an evicted counter starts over at 0.
 *
 * @throws {AgentRuntimeValidationError} for a client without `sendCommand`, a `prefix` that is
 *   not a string or a `timeoutMs` that is not a number > 0.
 */
export function redisRateLimitStore(
  client: RedisCommandClient,
  options: RedisRateLimitStoreOptions = {},
): RateLimitStore {
  const redis = checkClient(client);
  const given: unknown = options;
  if (!isRecord(given)) {
    throw invalidOption(
      "redisRateLimitStore options",
      "an object { prefix?, timeoutMs? }",
      options,
    );
  }
  const prefix =
    optionalString("redisRateLimitStore prefix", options.prefix) ?? DEFAULT_REDIS_KEY_PREFIX;
  const timeoutMs = numberOption(
    "redisRateLimitStore timeoutMs",
    options.timeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS,
    "a finite number > 0",
  );
  const run = (script: string, key: string, ...args: string[]) =>
    withDeadline(redis.sendCommand(["EVAL", script, "1", prefix + key, ...args]), timeoutMs);

  return {
    async increment(key, windowMs, now) {
      const ttl = String(Math.max(1, Math.ceil(windowMs)));
      return parseCount(await run(INCREMENT, key, ttl), now);
    },
    async decrement(key) {
      await run(DECREMENT, key);
    },
  };
}
