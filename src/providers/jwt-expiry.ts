import { isRecord } from "../core/option-checks";

const BASE64URL_PATTERN = /^[A-Za-z0-9_-]+$/;

function decodeBase64Url(segment: string): string | undefined {
  if (!BASE64URL_PATTERN.test(segment) || segment.length % 4 === 1) return undefined;
  const base64 = segment.replace(/-/g, "+").replace(/_/g, "/");
  const padded = base64 + "=".repeat((4 - (base64.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    return undefined;
  }
  const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The `exp` claim (epoch seconds) of a JWT, or `undefined` when the token is not a JWT with a
 * numeric `exp`. Reads the payload only: it does not verify anything, and needs not to: the
 * runtime verifies the token, this only tells when to fetch a new one.
 */
export function jwtExpiry(token: string): number | undefined {
  const [, claimsPart, ...rest] = token.split(".");
  if (claimsPart === undefined || rest.length !== 1) return undefined;
  const payload = decodeBase64Url(claimsPart);
  if (payload === undefined) return undefined;
  let claims: unknown;
  try {
    claims = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (!isRecord(claims)) return undefined;
  const exp = claims.exp;
  return typeof exp === "number" && Number.isFinite(exp) && exp > 0 ? exp : undefined;
}
