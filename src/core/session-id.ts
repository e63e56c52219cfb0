import { AgentRuntimeValidationError } from "./errors";

/** Fewest characters the runtime accepts in a session id. */
export const MIN_SESSION_ID_LENGTH = 33;
/** Most characters the runtime accepts in a session id. */
export const MAX_SESSION_ID_LENGTH = 256;

const SESSION_ID_PATTERN = /^[\x21-\x7e]{33,256}$/;

/**
 * True for a usable runtime session id: 33 to 256 visible ASCII characters (it travels in a
 * query parameter and, for servers, in a header).
 */
export function isValidSessionId(value: unknown): value is string {
  return typeof value === "string" && SESSION_ID_PATTERN.test(value);
}

/**
 * A random UUID v4 (36 characters, 122 random bits) from the platform's CSPRNG:
 * `crypto.randomUUID` where available (secure contexts, Node), else built from
 * `crypto.getRandomValues` (plain-HTTP pages, where `randomUUID` is missing).
 *
 * @throws {AgentRuntimeValidationError} when the platform has no Web Crypto at all.
 */
export function randomUuid(): string {
  // Typed as always present, but missing on old runtimes and some embedded ones.
  const crypto: Crypto | undefined = globalThis.crypto;
  if (crypto && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  if (!crypto || typeof crypto.getRandomValues !== "function") {
    throw new AgentRuntimeValidationError("Web Crypto (crypto.getRandomValues) is unavailable");
  }
  // One random byte per hex digit: `x` takes 4 of its bits, `y` (the variant, 10xx) 2.
  const bytes = crypto.getRandomValues(new Uint8Array(31));
  let next = 0;
  return "xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx".replace(/[xy]/g, (digit) => {
    const random = bytes[next++]!;
    return (digit === "x" ? random & 15 : 8 | (random & 3)).toString(16);
  });
}

/**
 * A new runtime session id: a cryptographically random UUID v4, 36 characters, which the
 * service accepts (33-256) and nobody can guess.
 */
export const createSessionId: () => string = randomUuid;

/**
 * Checks a caller-given session id.
 *
 * @throws {AgentRuntimeValidationError} when it is not 33-256 visible ASCII characters.
 */
export function assertSessionId(value: unknown): string {
  if (!isValidSessionId(value)) {
    const length = typeof value === "string" ? `${value.length} characters` : typeof value;
    throw new AgentRuntimeValidationError(
      `A runtime session id must be ${MIN_SESSION_ID_LENGTH}-${MAX_SESSION_ID_LENGTH} visible ASCII characters (got ${length})`,
    );
  }
  return value;
}
