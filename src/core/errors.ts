/**
 * Bad input: an invalid option, argument or value handed to any part of the library. The
 * TypeScript counterpart of the Python SDK's `ValueError`; messages that the SDK defines are
 * reproduced word for word by the signing API.
 */
export class AgentRuntimeValidationError extends Error {
  override readonly name: string = "AgentRuntimeValidationError";
}

/** Text for a value that is not an `Error`, when it has none a program can read safely. */
const UNREADABLE = "A value that is not an Error was thrown";

/**
 * The text of anything thrown, never throwing itself: a string or another primitive as its
 * text; an object by its `String()`, unless that throws (no prototype, a `toString` that
 * throws, a revoked proxy).
 */
export function thrownText(thrown: unknown): string {
  try {
    if (thrown instanceof Error) return thrown.message || thrown.name;
    return typeof thrown === "symbol" ? thrown.toString() : String(thrown);
  } catch {
    return UNREADABLE;
  }
}

/**
 * `thrown` as an `Error`: itself when it is one, else an `Error` with its text. Never throws,
 * whatever a callback threw or rejected with (a revoked proxy fails even `instanceof`).
 */
export function toError(thrown: unknown): Error {
  let isError = false;
  try {
    isError = thrown instanceof Error;
  } catch {
    // A revoked proxy: not an Error, and unreadable.
  }
  return isError && thrown instanceof Error ? thrown : new Error(thrownText(thrown));
}
