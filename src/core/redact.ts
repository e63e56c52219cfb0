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
