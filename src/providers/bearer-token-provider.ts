import { bearerSubprotocols } from "../signing/bearer";
import { SESSION_ID_PARAM, targetUrl } from "../signing/runtime-url";
import { throwIfAborted } from "../core/abort";
import { describeError } from "../core/describe-error";
import { numberOption } from "../core/number-option";
import { invalidOption, optionalFunction, optionsObject } from "../core/option-checks";
import { AgentRuntimeProviderError } from "./errors";
import { jwtExpiry } from "./jwt-expiry";
import { checkRuntimeLocation, requireValidSessionId } from "./runtime-location";
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
 * Per call it rejects with {@link AgentRuntimeProviderError}: `token` (getToken failed or gave
 * nothing usable), `token-expired`, `invalid-session-id`.
 *
 * @throws {AgentRuntimeValidationError} at once for unusable options: a bad ARN, region or
 *   endpoint, no `getToken` function, a `maxAgeMs` that is not a number > 0, or an option of
 *   the wrong kind.
 */
export function bearerTokenProvider(options: BearerTokenProviderOptions): UrlProvider {
  optionsObject("bearerTokenProvider", options);
  const { endpoint, path, qualifier } = checkRuntimeLocation("bearerTokenProvider", options);
  const maxAgeMs = numberOption(
    "bearerTokenProvider maxAgeMs",
    options.maxAgeMs ?? DEFAULT_BEARER_MAX_AGE_MS,
    "a finite number > 0",
  );
  const { getToken } = options;
  if (typeof getToken !== "function") {
    throw invalidOption(
      "bearerTokenProvider getToken",
      "a function that returns the access token",
      getToken,
    );
  }
  const now = optionalFunction("bearerTokenProvider now", options.now) ?? Date.now;

  return async (context) => {
    throwIfAborted(context.signal);
    requireValidSessionId(context.sessionId);
    const token = await fetchToken(getToken, context);
    throwIfAborted(context.signal);
    const protocols = tokenSubprotocols(token);
    const expiresAt = tokenExpiresAt(token, now(), maxAgeMs);
    const query: Array<[string, string]> = [...qualifier, [SESSION_ID_PARAM, context.sessionId]];
    const url = targetUrl({ endpoint, path, query });
    return { url, protocols, expiresAt, sessionId: context.sessionId };
  };
}

/** The subprotocols that carry `token`, or a `token` provider error for one that cannot travel. */
function tokenSubprotocols(token: string): string[] {
  try {
    return bearerSubprotocols(token);
  } catch (error) {
    throw new AgentRuntimeProviderError(`Unusable bearer token: ${describeError(error)}`, {
      code: "token",
      cause: error,
    });
  }
}

/** The JWT's `exp`, else `issuedAt + maxAgeMs`; a `token-expired` error when that has passed. */
function tokenExpiresAt(token: string, issuedAt: number, maxAgeMs: number): number {
  const exp = jwtExpiry(token);
  const expiresAt = exp === undefined ? issuedAt + maxAgeMs : exp * 1000;
  if (expiresAt <= issuedAt) {
    throw new AgentRuntimeProviderError("getToken returned a token that has already expired", {
      code: "token-expired",
    });
  }
  return expiresAt;
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
