import type { LimitsConfig } from "./limits-config";
import type { PresignWarningCode } from "./options";
import type { RateLimiter } from "./rate-limiter";
import { PresignRefusal } from "./refusal";
import type { RequestState } from "./request-state";

const NO_ADDRESS =
  "The client address is unknown here, so every client shares one rate-limit bucket (the pre-authorization limit, and rateLimit for anonymous callers). Use toNodeHandler, pass clientAddress, or set trustProxy behind a proxy that writes X-Forwarded-For";
const FORWARDED_FOR_IGNORED =
  "Requests carry X-Forwarded-For but trustProxy is off, so the rate limits see the proxy's address for every client behind it. Set trustProxy to the number of proxies in front of this server";

/** What the limits need of a handler's config (the presign or the upload-URL handler's). */
interface HandlerConfig extends LimitsConfig {
  authorize: unknown;
  warnOnce(code: PresignWarningCode, message: string): void;
}

/** The key of a request's client address, warning (once) when it is unknown or hidden. */
function addressKey(config: HandlerConfig, request: Request, state: RequestState): string {
  if (state.clientAddress === undefined) config.warnOnce("no-client-address", NO_ADDRESS);
  if (!config.readsForwardedFor && request.headers.has("x-forwarded-for")) {
    config.warnOnce("forwarded-for-ignored", FORWARDED_FOR_IGNORED);
  }
  return state.clientAddress ?? "unknown";
}

async function take(limiter: RateLimiter, key: string): Promise<void> {
  const verdict = await limiter.take(key);
  if (!verdict.allowed) {
    throw new PresignRefusal(429, "rate-limited", "Too many requests; try again later", {
      "Retry-After": String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))),
    });
  }
}

/**
 * The pre-authorization limit: counts the request against its client address before
 * `authorize` runs (429 past the limit, without calling `authorize`). Returns what to call
 * once `authorize` accepted the caller, which gives the count back: in the end the limit
 * counts the requests whose authorization failed or is still running.
 */
export async function enforcePreAuthLimit(
  config: HandlerConfig,
  request: Request,
  state: RequestState,
): Promise<() => void> {
  const limiter = config.preAuthRateLimit;
  if (limiter === undefined) return () => {};
  const key = `pre:${addressKey(config, request, state)}`;
  await take(limiter, key);
  // Best effort: if the store fails here, the count stays, which errs on the safe side.
  return () => void limiter.giveBack(key).catch(() => {});
}

/** `rateLimit`: per principal, or per client address for anonymous callers (429 past it). */
export async function enforceRateLimit(
  config: HandlerConfig,
  request: Request,
  state: RequestState,
): Promise<void> {
  if (config.rateLimit === undefined) return;
  const key =
    config.authorize === undefined
      ? `a:${addressKey(config, request, state)}`
      : `p:${state.principal ?? ""}`;
  await take(config.rateLimit, key);
}
