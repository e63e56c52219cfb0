import { constantTimeEqual } from "./sigv4-fields";

/** The subprotocol that says a bearer token rides in the protocol list. */
export const BEARER_SUBPROTOCOL = "base64UrlBearerAuthorization";

/** What a bearer verifier learns about the request. */
export interface BearerRequestInfo {
  runtimeArn: string;
  sessionId: string | undefined;
  /** Where the token came from. */
  via: "header" | "subprotocol";
}

/**
 * The OAuth bearer tokens the emulator accepts: a list, or a function that decides (return
 * `true` to accept). A function that throws makes the upgrade fail with 500.
 */
export type BearerTokensOption =
  readonly string[] | ((token: string, request: BearerRequestInfo) => boolean | Promise<boolean>);

/** A bearer token found in a handshake. */
export type BearerFound =
  | { found: false }
  | {
      found: true;
      via: "header" | "subprotocol";
      token: string | undefined;
      echo?: string;
      reason?: string;
    };

/** The offered subprotocols of a `Sec-WebSocket-Protocol` header. */
export function offeredProtocols(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/**
 * Finds a bearer token: `Authorization: Bearer <token>`, or a
 * `base64UrlBearerAuthorization.<base64url token>` subprotocol. With the subprotocol, the bare
 * `base64UrlBearerAuthorization` is what the server echoes (when the client offered it).
 */
export function findBearer(
  authorization: string | undefined,
  protocols: readonly string[],
): BearerFound {
  if (authorization !== undefined && /^bearer /i.test(authorization)) {
    const token = authorization.slice("bearer ".length).trim();
    return {
      found: true,
      via: "header",
      token: token || undefined,
      reason: token ? undefined : "empty bearer token",
    };
  }
  const carrier = protocols.find((protocol) => protocol.startsWith(`${BEARER_SUBPROTOCOL}.`));
  if (carrier === undefined) return { found: false };
  const echo = protocols.includes(BEARER_SUBPROTOCOL) ? BEARER_SUBPROTOCOL : undefined;
  const encoded = carrier.slice(BEARER_SUBPROTOCOL.length + 1);
  if (encoded === "" || !/^[A-Za-z0-9_-]+$/.test(encoded)) {
    return {
      found: true,
      via: "subprotocol",
      token: undefined,
      echo,
      reason: "the bearer subprotocol is not base64url",
    };
  }
  const token = Buffer.from(encoded, "base64url").toString("utf8");
  return { found: true, via: "subprotocol", token, echo };
}

/** Checks a token against the configured tokens. */
export async function acceptsBearer(
  option: BearerTokensOption,
  token: string,
  request: BearerRequestInfo,
): Promise<boolean> {
  if (typeof option === "function") return (await option(token, request)) === true;
  let accepted = false;
  for (const candidate of option) accepted = constantTimeEqual(candidate, token) || accepted;
  return accepted;
}
