import { invalidOption, isRecord } from "../core/option-checks";
import { createAddressResolver, readsForwardedFor, type AddressResolver } from "./client-address";
import { memoryRateLimitStore } from "./memory-rate-limit-store";
import type { PresignHandlerOptions } from "./options";
import type { RateLimitStore } from "./rate-limit-store";
import { createRateLimiter, type RateLimitOptions, type RateLimiter } from "./rate-limiter";

/**
 * Default pre-authorization limit per client address: 100 requests whose authorization failed
 * or is still running, per minute. Generous for people, tight for a script guessing tokens.
 */
export const DEFAULT_PRE_AUTH_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({
  max: 100,
  windowMs: 60_000,
});

/** The handler's rate limits, checked and ready. */
export interface LimitsConfig {
  /** `rateLimit`: per principal (per client address when anonymous); `undefined` when off. */
  rateLimit: RateLimiter | undefined;
  /**
   * `preAuthRateLimit`: per client address, before `authorize`; `undefined` when off or
   * anonymous (there is no `authorize` to protect).
   */
  preAuthRateLimit: RateLimiter | undefined;
  /** The client address of a request, as the rate limits key it. */
  clientAddress: AddressResolver;
  /** Whether `X-Forwarded-For` is read (`trustProxy` set). */
  readsForwardedFor: boolean;
}

function checkStore(store: RateLimitStore | undefined): RateLimitStore | undefined {
  if (
    store === undefined ||
    (isRecord(store) &&
      typeof store.increment === "function" &&
      typeof store.decrement === "function")
  ) {
    return store;
  }
  throw invalidOption(
    "rateLimitStore",
    "a store { increment(key, windowMs, now), decrement(key, now) }",
    store,
  );
}

/**
 * Checks the rate-limit options and builds the limiters, all counting in one store.
 *
 * @throws {AgentRuntimeValidationError} for a bad `rateLimit`, `preAuthRateLimit`, `rateLimitStore`,
 *   `clientAddress` or `trustProxy`.
 */
export function createLimits(
  options: Pick<
    PresignHandlerOptions,
    | "rateLimitStore"
    | "rateLimit"
    | "preAuthRateLimit"
    | "authorize"
    | "clientAddress"
    | "trustProxy"
  >,
  now: () => number,
): LimitsConfig {
  const store = checkStore(options.rateLimitStore) ?? memoryRateLimitStore();
  const { rateLimit, preAuthRateLimit = DEFAULT_PRE_AUTH_RATE_LIMIT } = options;
  const checkedPreAuth =
    preAuthRateLimit === false
      ? undefined
      : createRateLimiter("preAuthRateLimit", preAuthRateLimit, store, now);
  return {
    preAuthRateLimit: options.authorize === undefined ? undefined : checkedPreAuth,
    clientAddress: createAddressResolver(options),
    readsForwardedFor: readsForwardedFor(options),
    rateLimit:
      rateLimit === undefined ? undefined : createRateLimiter("rateLimit", rateLimit, store, now),
  };
}
