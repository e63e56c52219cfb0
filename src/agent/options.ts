import { numberOption, wholeNumberInRange } from "../core/number-option";
import { optionalFunction, optionsObject } from "../core/option-checks";

/** Default `maxBufferBytes`: 1 MiB of payload per session. */
export const DEFAULT_MAX_BUFFER_BYTES = 1024 * 1024;
/** Default `maxBufferAgeMs`: 5 minutes. */
export const DEFAULT_MAX_BUFFER_AGE_MS = 5 * 60 * 1000;
/** Default `rememberedIds`, also the fewest the protocol allows. */
export const DEFAULT_REMEMBERED_IDS = 1024;
/** Most `rememberedIds` accepted (about 70 MB of ids per session at the longest). */
export const MAX_REMEMBERED_IDS = 1024 * 1024;
/** Default `maxFrameBytes`: below the service's 32 KB frame limit. */
export const DEFAULT_MAX_FRAME_BYTES = 32_000;

/** Options of {@link DeliveryAgent}. Every one is optional. */
export interface DeliveryAgentOptions {
  /**
   * Most payload bytes (UTF-8) each session's replay buffer keeps; the oldest envelopes go
   * first. Default 1 MiB.
   */
  maxBufferBytes?: number;
  /** How long (ms) an envelope stays in the replay buffer at most. Default 5 minutes. */
  maxBufferAgeMs?: number;
  /** How many accepted message ids each session remembers to drop duplicates (≥ 1024). */
  rememberedIds?: number;
  /** Largest envelope (UTF-8 bytes, `<seq>:` included) `send` accepts. Default 32,000. */
  maxFrameBytes?: number;
  /** The clock, in ms (default `Date.now`): buffer ages and the replay pace are read from it. */
  now?: () => number;
}

/** {@link DeliveryAgentOptions} checked, with their defaults. */
export interface ResolvedAgentOptions {
  readonly maxBufferBytes: number;
  readonly maxBufferAgeMs: number;
  readonly rememberedIds: number;
  readonly maxFrameBytes: number;
  readonly now: () => number;
}

/**
 * Checks the options of `new DeliveryAgent()` and fills in the defaults.
 *
 * @throws {AgentRuntimeValidationError} naming the first bad option and its rule.
 */
export function resolveAgentOptions(options: DeliveryAgentOptions = {}): ResolvedAgentOptions {
  optionsObject("DeliveryAgent", options);
  return {
    maxBufferBytes: numberOption(
      "maxBufferBytes",
      options.maxBufferBytes ?? DEFAULT_MAX_BUFFER_BYTES,
      "a whole number >= 1",
    ),
    maxBufferAgeMs: numberOption(
      "maxBufferAgeMs",
      options.maxBufferAgeMs ?? DEFAULT_MAX_BUFFER_AGE_MS,
      "a finite number > 0",
    ),
    rememberedIds: wholeNumberInRange(
      "rememberedIds",
      options.rememberedIds ?? DEFAULT_REMEMBERED_IDS,
      { min: DEFAULT_REMEMBERED_IDS, max: MAX_REMEMBERED_IDS },
    ),
    maxFrameBytes: numberOption(
      "maxFrameBytes",
      options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
      "a whole number >= 1",
    ),
    now: optionalFunction("now", options.now) ?? Date.now,
  };
}
