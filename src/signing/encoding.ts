import { AgentRuntimeValidationError } from "../core/errors";

const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

/**
 * RFC 3986 percent-encoding of UTF-8 bytes, leaving only `A-Z a-z 0-9 - _ . ~` as they are:
 * what Python's `quote(value, safe="")` and botocore's query encoding produce.
 *
 * @throws {AgentRuntimeValidationError} for a string that is not valid Unicode (a lone surrogate).
 */
export function percentEncode(value: string, what = "value"): string {
  if (UNRESERVED_ONLY.test(value)) return value;
  try {
    return encodeURIComponent(value).replace(
      /[!'()*]/g,
      (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  } catch {
    throw new AgentRuntimeValidationError(
      `Invalid ${what}: it contains a lone UTF-16 surrogate and cannot be encoded as UTF-8`,
    );
  }
}

/** True when the string can travel as an HTTP header value (visible ASCII, space and tab). */
export function isHeaderSafe(value: string): boolean {
  return /^[\t\x20-\x7e]*$/.test(value);
}
