import { parseRuntimeArn } from "../signing/arn";
import { bearerSubprotocols } from "../signing/bearer";
import { validateRegion } from "../signing/region";
import { SESSION_ID_PARAM, resolveEndpoint, runtimePath, targetUrl } from "../signing/runtime-url";
import { throwIfAborted } from "../core/abort";
import { describeError } from "../core/describe-error";
import { AgentRuntimeProviderError } from "./errors";
import { jwtExpiry } from "./jwt-expiry";
import { isValidSessionId } from "../core/session-id";
import type { UrlProvider, UrlProviderContext } from "./types";

/** How long a token that is not a JWT with `exp` is assumed to stay valid, in ms. */
export const DEFAULT_BEARER_MAX_AGE_MS = 300_000;

/** Options of {@link bearerTokenProvider}. */
export interface BearerTokenProviderOptions {
  /** The runtime's region. Defaults to the region in `runtimeArn`. */
  region?: string;
  /** `arn:aws:bedrock-agentcore:{region}:{account}:runtime/{id}` */
  runtimeArn: string;
  /**
   * Returns the OAuth access token the runtime's JWT authorizer accepts. Called for every URL,
   * so return a fresh (refreshed) token; cache in your auth library, not here.
   */
  getToken: (context: UrlProviderContext) => string | Promise<string>;
  /** The runtime endpoint (alias) to invoke, sent as `qualifier`. */
  endpointName?: string;
  /** Overrides the data-plane origin, e.g. `ws://127.0.0.1:8787` for a local emulator. */
  endpoint?: string;
  /** Lifetime assumed for a token without a JWT `exp`, in ms. Default 300 000. */
  maxAgeMs?: number;
  /** The clock, for tests. Defaults to `Date.now`. */
  now?: () => number;
}

/**
 * A {@link UrlProvider} for runtimes with an OAuth (JWT) authorizer. Browsers cannot send an
 * `Authorization` header on a WebSocket, so the token travels in the subprotocol list
 * (`bearerSubprotocols`) and the session id in the query string; the URL itself holds no token.
 * `expiresAt` is the JWT's `exp` when it has one, else now + `maxAgeMs`.
 *
 * Bad static options throw `AgentRuntimeValidationError` at once. Per call it rejects with
 * {@link AgentRuntimeProviderError}: `token` (getToken failed or gave nothing usable),
 * `token-expired`, `invalid-session-id`.
 */
export function bearerTokenProvider(options: BearerTokenProviderOptions): UrlProvider {
  const arn = parseRuntimeArn(options.runtimeArn);
  const region = validateRegion(options.region ?? arn.region);
  const endpoint = resolveEndpoint(region, options.endpoint);
  const path = runtimePath(options.runtimeArn);
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_BEARER_MAX_AGE_MS;
  if (!Number.isFinite(maxAgeMs) || maxAgeMs <= 0) {
    throw new TypeError(`bearerTokenProvider maxAgeMs must be a positive number, got ${maxAgeMs}`);
  }
  if (typeof options.getToken !== "function") {
    throw new TypeError(
      "bearerTokenProvider needs getToken, a function that returns the access token",
    );
  }
  const now = options.now ?? Date.now;
  const qualifier: Array<[string, string]> = options.endpointName
    ? [["qualifier", options.endpointName]]
    : [];
  // Fails now, not on every call, for a qualifier that cannot be encoded.
  targetUrl({ endpoint, path, query: qualifier });

  return async (context) => {
    throwIfAborted(context.signal);
    if (!isValidSessionId(context.sessionId)) {
      throw new AgentRuntimeProviderError(
        "The session id must be 33-256 visible ASCII characters",
        { code: "invalid-session-id" },
      );
    }
    const token = await fetchToken(options.getToken, context);
    throwIfAborted(context.signal);
    let protocols: string[];
    try {
      protocols = bearerSubprotocols(token);
    } catch (error) {
      throw new AgentRuntimeProviderError(`Unusable bearer token: ${describeError(error)}`, {
        code: "token",
        cause: error,
      });
    }
    const issuedAt = now();
    const exp = jwtExpiry(token);
    const expiresAt = exp === undefined ? issuedAt + maxAgeMs : exp * 1000;
    if (expiresAt <= issuedAt) {
      throw new AgentRuntimeProviderError("getToken returned a token that has already expired", {
        code: "token-expired",
      });
    }
    const url = targetUrl({
      endpoint,
      path,
      query: [...qualifier, [SESSION_ID_PARAM, context.sessionId]],
    });
    return { url, protocols, expiresAt, sessionId: context.sessionId };
  };
}

async function fetchToken(
  getToken: BearerTokenProviderOptions["getToken"],
  context: UrlProviderContext,
): Promise<string> {
  let token: unknown;
  try {
    token = await getToken(context);
  } catch (error) {
    throwIfAborted(context.signal);
    throw new AgentRuntimeProviderError(`getToken failed: ${describeError(error)}`, {
      code: "token",
      cause: error,
    });
  }
  if (typeof token !== "string" || token === "") {
    throw new AgentRuntimeProviderError("getToken returned no token", { code: "token" });
  }
  return token;
}
