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
