import { toError } from "./errors";
/** What {@link redactSecrets} puts in place of a secret. */
export const REDACTED = "[REDACTED]";

type Rule = readonly [pattern: RegExp, replace: (match: string, ...groups: string[]) => string];

/** Mixed case and a digit: what random base64 secrets have and words, hex and paths lack. */
function looksRandom(text: string): boolean {
  return /[a-z]/.test(text) && /[A-Z]/.test(text) && /[0-9]/.test(text);
}

// Quantifiers are bounded where a pattern could backtrack, so a long line stays linear.
const RULES: readonly Rule[] = [
  // An Authorization header (or field) in any form: keep the scheme, drop the rest of the value.
  [
    /(\bauthorization["']?[ \t]*[:=][ \t]*["']?)(?:([A-Za-z][\w-]{0,40})[ \t]+)?[^"'\r\n]+/gi,
    (_match, label: string, scheme: string | undefined) =>
      `${label}${scheme ? `${scheme} ` : ""}${REDACTED}`,
  ],
  // SigV4 query parameters and header fields, plain or percent-encoded inside another URL.
  [
    /((?:X-Amz-)?(?:Signature|Security-Token|Credential)(?:=|%3D))(?:(?!%26)[^&\s"'<>,;])+/gi,
    (_match, name: string) => `${name}${REDACTED}`,
  ],
  // The WebSocket subprotocol that carries a bearer token.
  [
    /(base64UrlBearerAuthorization\.)[A-Za-z0-9_+/=-]+/g,
    (_match, prefix: string) => `${prefix}${REDACTED}`,
  ],
  // JSON Web Tokens.
  [/\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g, () => REDACTED],
  // `Bearer <token>` anywhere (a token is at least 8 characters, so prose is left alone).
  [/\b(Bearer\s+)[A-Za-z0-9._~+/-]{8,}=*/gi, (_match, scheme: string) => `${scheme}${REDACTED}`],
  // Named secrets: `sessionToken: "..."`, `aws_secret_access_key=...`, `password=...`.
  [
    /(\b[\w-]{0,40}(?:secret|password|passwd|token|api[-_]?key)[\w-]{0,40}["']?\s{0,8}[:=]\s{0,8}["']?)[^\s"'&,;<>{}]+/gi,
    (_match, name: string) => `${name}${REDACTED}`,
  ],
  // AWS access key ids (long-term AKIA, temporary ASIA).
  [/\b(AKIA|ASIA)[A-Z0-9]{8,}\b/g, (_match, prefix: string) => `${prefix}${REDACTED}`],
  // Unlabelled AWS secret keys (40 characters) and session tokens (64 and more; real ones run to hundreds).
  [
    /(?<![A-Za-z0-9+/=])(?:[A-Za-z0-9+/]{40}|[A-Za-z0-9+/]{64,})={0,2}(?![A-Za-z0-9+/=])/g,
    (match) => (looksRandom(match) ? REDACTED : match),
  ],
];

/**
 * `text` with secrets replaced by `[REDACTED]`, for every log line and error text the library
 * writes: the `X-Amz-Signature`, `X-Amz-Security-Token` and `X-Amz-Credential` values of a
 * presigned URL (also percent-encoded inside another URL), `Authorization` header values (the
 * scheme stays), `Bearer` tokens, JWTs, `base64UrlBearerAuthorization.<token>` subprotocols,
 * named secrets (`secretAccessKey`, `sessionToken`, `password`, `client_secret`, ...), AWS access
 * key ids, and unlabelled values that look like AWS secret keys or session tokens.
 *
 * It is a safety net, not a licence: code should still not put secrets in messages. The
 * result is stable (redacting it again changes nothing).
 */
export function redactSecrets(text: string): string {
  let result = text;
  for (const [pattern, replace] of RULES) result = result.replace(pattern, replace);
  return result;
}

const MAX_CAUSES = 5;

/**
 * A copy of `thrown` as an `Error` whose message, stack and causes (up to 5 deep) went through
 * {@link redactSecrets}; its `name`, and a string or number `code` and `status`, are kept. For
 * handing an error to a log hook without handing over a secret it happened to carry.
 */
export function redactedError(thrown: unknown, depth = 0): Error {
  const error = toError(thrown);
  const copy = new Error(redactSecrets(error.message));
  if (error !== thrown) return copy;
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redactSecrets(error.stack);
  for (const field of ["code", "status"] as const) {
    const value: unknown = Reflect.get(error, field);
    if (typeof value === "string" || typeof value === "number") {
      Reflect.set(copy, field, typeof value === "string" ? redactSecrets(value) : value);
    }
  }
  if (error.cause !== undefined && depth < MAX_CAUSES) {
    copy.cause = redactedError(error.cause, depth + 1);
  }
  return copy;
}

/**
 * `thrown` as an `Error` with any secret in its message and stack redacted, keeping its class
 * and fields (an app can still tell an `AgentRuntimeProviderError` by `instanceof`): redacted in
 * place when needed, or a redacted copy when the object cannot be changed.
 */
export function withoutSecrets(thrown: unknown): Error {
  const error = toError(thrown);
  const message = redactSecrets(error.message);
  const stack = error.stack === undefined ? undefined : redactSecrets(error.stack);
  if (message === error.message && stack === error.stack) return error;
  try {
    error.message = message;
    error.stack = stack;
    if (error.message === message) return error;
  } catch {
    // A frozen error: fall back to a copy.
  }
  return redactedError(error);
}
