import type { CorsPolicy } from "./cors";
import { enforcePreAuthLimit, enforceRateLimit } from "./enforce-limits";
import { attachHooks } from "./handler-hooks";
import type { LimitsConfig } from "./limits-config";
import type { PresignHandlerOptions, PresignWarningCode } from "./options";
import { checkEnvelope, methodNotAllowed } from "./read-body";
import { PresignRefusal } from "./refusal";
import type { RequestState } from "./request-state";
import { emptyResponse } from "./responses";

/** A Web-standard request handler: Node 20+, Next.js route handlers, Deno, workers, Lambda. */
export type WebHandler = (request: Request) => Promise<Response>;

/** What every handler of `agentcore-react/server` is configured with. */
export interface ServedConfig extends LimitsConfig {
  /** `undefined` when `allowAnonymous` serves everyone as one principal. */
  authorize: PresignHandlerOptions["authorize"];
  maxBodyBytes: number;
  cors: CorsPolicy;
  warnOnce(code: PresignWarningCode, message: string): void;
}

const ANONYMOUS = "anonymous";

/**
 * The request handling both handlers share: CORS (preflights answered), the client address,
 * every failure turned into an answer by `fail`, and the hooks `toNodeHandler` uses.
 */
export function webHandler(
  config: ServedConfig,
  serve: (request: Request, state: RequestState) => Promise<Response>,
  fail: (state: RequestState, error: unknown) => Response,
): WebHandler {
  const handler: WebHandler = async (request) => {
    const state: RequestState = { corsHeaders: {} };
    try {
      state.clientAddress = config.clientAddress(request);
      state.corsHeaders = config.cors.headersFor(request);
      if (request.method === "OPTIONS") {
        return emptyResponse(204, config.cors.preflightHeaders(request));
      }
      return await serve(request, state);
    } catch (error) {
      return fail(state, error);
    }
  };
  const stateOf = (standIn: Request | undefined): RequestState => ({
    corsHeaders: {},
    clientAddress: standIn && config.clientAddress(standIn),
  });
  attachHooks(handler, {
    refuseMethod: (standIn) => fail(stateOf(standIn), methodNotAllowed()),
    fail: (error, standIn) => fail(stateOf(standIn), error),
  });
  return handler;
}

/**
 * Lets a request in: a JSON `POST` within the body limit, within the limit per address, from a
 * caller `authorize` knows (401 with `signInMessage` otherwise), within the limit per principal.
 * Returns the caller's principal.
 */
export async function admit(
  config: ServedConfig,
  request: Request,
  state: RequestState,
  signInMessage: string,
): Promise<string> {
  checkEnvelope(request, config.maxBodyBytes);
  const authorized = await enforcePreAuthLimit(config, request, state);
  const principal = await identify(request, config.authorize, signInMessage);
  authorized();
  state.principal = principal;
  await enforceRateLimit(config, request, state);
  return principal;
}

async function identify(
  request: Request,
  authorize: ServedConfig["authorize"],
  signInMessage: string,
): Promise<string> {
  if (typeof authorize !== "function") return ANONYMOUS;
  const result = await authorize(request);
  if (result === null || result === undefined) {
    throw new PresignRefusal(401, "unauthorized", signInMessage);
  }
  if (typeof result.principal !== "string" || result.principal === "") {
    throw new Error("authorize must return { principal: non-empty string } or null");
  }
  return result.principal;
}
