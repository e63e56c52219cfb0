import { AgentRuntimeValidationError } from "../core/errors";
import { invalidOption } from "../core/option-checks";

/** The WebSocket subprotocol that tells AgentCore a bearer token rides in the protocol list. */
export const BEARER_SUBPROTOCOL = "base64UrlBearerAuthorization";

function base64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/**
 * The `Sec-WebSocket-Protocol` values that carry an OAuth bearer token from a browser, which
 * cannot set an `Authorization` header: `["base64UrlBearerAuthorization.<token as base64url,
 * no padding>", "base64UrlBearerAuthorization"]`. Pass them as `new WebSocket(url, protocols)`.
 *
 * @throws {AgentRuntimeValidationError} for an empty token, one that is not a string, or one
 *   that is not valid Unicode.
 */
export function bearerSubprotocols(bearerToken: string): [string, string] {
  if (!bearerToken) throw new AgentRuntimeValidationError("Bearer token cannot be empty");
  if (typeof bearerToken !== "string") throw invalidOption("Bearer token", "a string", bearerToken);
  // TextEncoder would quietly turn a lone surrogate into U+FFFD: a different token.
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(bearerToken)) {
    throw new AgentRuntimeValidationError("Bearer token is not valid Unicode (lone surrogate)");
  }
  let encoded: string;
  try {
    encoded = base64Url(bearerToken);
  } catch {
    throw new AgentRuntimeValidationError("Bearer token cannot be encoded");
  }
  return [`${BEARER_SUBPROTOCOL}.${encoded}`, BEARER_SUBPROTOCOL];
}
