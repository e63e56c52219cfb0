import { AgentRuntimeValidationError } from "../core/errors";
import { numberOption } from "../core/number-option";
import type { RetryOptions } from "./types";

/** Retry options with every default filled in. */
export interface ResolvedRetryOptions {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/** Default first backoff ceiling (ms). */
export const DEFAULT_INITIAL_DELAY_MS = 500;
/** Default largest backoff ceiling (ms). */
export const DEFAULT_MAX_DELAY_MS = 30_000;

/**
 * Fills in defaults and checks the numbers.
 *
 * @throws {AgentRuntimeValidationError} for a non-positive or non-finite delay, a
 *   `maxDelayMs` below `initialDelayMs`, or a `maxAttempts` that is not a whole number >= 1.
 */
export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  const initialDelayMs = numberOption(
    "retry.initialDelayMs",
    options.initialDelayMs ?? DEFAULT_INITIAL_DELAY_MS,
    "a finite number > 0",
  );
  const maxDelayMs = options.maxDelayMs ?? Math.max(DEFAULT_MAX_DELAY_MS, initialDelayMs);
  if (!Number.isFinite(maxDelayMs) || maxDelayMs < initialDelayMs) {
    throw new AgentRuntimeValidationError(
      `retry.maxDelayMs must be a finite number >= retry.initialDelayMs (got ${String(maxDelayMs)})`,
    );
  }
  const maxAttempts = options.maxAttempts ?? Infinity;
  return {
    maxAttempts:
      maxAttempts === Infinity
        ? maxAttempts
        : numberOption("retry.maxAttempts", maxAttempts, "a whole number >= 1"),
    initialDelayMs,
    maxDelayMs,
    random: options.random ?? Math.random,
  };
}

/**
 * The largest delay (ms) before retry number `attempt` (1 for the first retry):
 * `min(maxDelayMs, initialDelayMs * 2^(attempt - 1))`.
 */
export function backoffCeiling(attempt: number, options: RetryOptions = {}): number {
  return resolvedCeiling(attempt, resolveRetryOptions(options));
}

/** {@link backoffCeiling} for options already resolved. */
export function resolvedCeiling(
  attempt: number,
  { initialDelayMs, maxDelayMs }: Pick<ResolvedRetryOptions, "initialDelayMs" | "maxDelayMs">,
): number {
  const exponent = Math.max(0, Math.floor(attempt) - 1);
  // 2^exponent overflows to Infinity for huge attempts; min() caps it either way.
  return Math.min(maxDelayMs, initialDelayMs * 2 ** exponent);
}

/**
 * Full jitter: a whole number drawn uniformly from `[0, ceiling)` by `draw` (a value in
 * `[0, 1]`; anything else counts as 0). A draw of exactly 1 still lands below the ceiling.
 */
export function jitteredDelay(ceiling: number, draw: number): number {
  const clamped = Number.isFinite(draw) ? Math.min(Math.max(draw, 0), 1) : 0;
  return Math.min(Math.floor(clamped * ceiling), Math.max(0, Math.ceil(ceiling) - 1));
}

/**
 * The delay (ms) before retry number `attempt` (1 for the first retry): exponential backoff
 * with full jitter, a whole number drawn uniformly from `[0, backoffCeiling(attempt))`.
 * Full jitter spreads the reconnects of many clients after a shared outage.
 */
export function computeBackoff(attempt: number, options: RetryOptions = {}): number {
  return jitteredDelay(backoffCeiling(attempt, options), (options.random ?? Math.random)());
}
