import { MAX_PRESIGNED_URL_EXPIRES } from "../signing/agent-runtime-client";
import { validateRegion } from "../signing/region";
import {
  createPresigner,
  validateExpires,
  type Presigner,
} from "../providers/credentials-url-provider";
import { isValidSessionId } from "../core/session-id";
import { createCorsPolicy } from "./cors";
import { environmentCredentials } from "./environment-credentials";
import type { PresignHandlerOptions, PresignLogEvent, SessionIdPolicy } from "./options";
import { createRateLimiter } from "./rate-limiter";
import { checkEnvelope, readBodyText } from "./read-body";
import { PresignRefusal } from "./refusal";
import { parseRequestBody } from "./request-body";
import { emptyResponse, errorResponse, jsonResponse } from "./responses";
import { createRuntimeRegistry, type RegisteredRuntime } from "./runtime-registry";
import { createSessionBinder } from "./session-binding";

/** Default largest request body, in bytes. */
export const DEFAULT_MAX_BODY_BYTES = 4096;

/** A Web-standard request handler: Node 20+, Next.js route handlers, Deno, workers, Lambda. */
export type PresignHandler = (request: Request) => Promise<Response>;

const ANONYMOUS = "anonymous";
const GENERIC_FAILURE = "Could not create a URL";

/**
 * Creates the backend endpoint that mints presigned URLs for the browser (the counterpart of
 * `backendUrlProvider`). It accepts only `POST` with a small JSON body
 * `{ sessionId?, runtime?, expires? }` and answers `{ url, expiresAt, sessionId }` with a `Date`
 * header and `Cache-Control: no-store`, or `{ error: { code, message } }` with a 4xx status
 * (500 with a generic message when signing fails).
 *
 * Session ids are bound to the caller's principal (see `sessionIds`), so one user can resume
 * their own session but never obtain a URL for another user's.
 *
 * @throws {TypeError} or `AgentRuntimeValidationError` for unusable options, e.g. no
 *   `authorize` without `allowAnonymous: true`.
 */
export function createPresignHandler(options: PresignHandlerOptions): PresignHandler {
  const authorize = options.authorize;
  if (typeof authorize !== "function" && options.allowAnonymous !== true) {
    throw new TypeError(
      "createPresignHandler needs authorize(request) to tell who is asking; pass allowAnonymous: true to serve anyone",
    );
  }
  const expires = validateExpires(options.expires ?? MAX_PRESIGNED_URL_EXPIRES, "expires");
  const region = options.region === undefined ? undefined : validateRegion(options.region);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isInteger(maxBodyBytes) || maxBodyBytes < 1) {
    throw new TypeError(`maxBodyBytes must be a whole number >= 1, got ${maxBodyBytes}`);
  }
  const clock = options.now ?? Date.now;
  const nowMs = () => {
    const value = clock();
    return value instanceof Date ? value.getTime() : value;
  };
  const { lookup, all } = createRuntimeRegistry(options);
  // One presigner per runtime, built now so a bad region or endpoint fails at creation.
  const presigners = new Map<RegisteredRuntime, Presigner>(
    all.map((runtime) => [
      runtime,
      createPresigner({
        region,
        runtimeArn: runtime.runtimeArn,
        endpointName: runtime.endpointName,
        endpoint: options.endpoint,
        expires,
        now: clock,
      }),
    ]),
  );
  const credentials = options.credentials ?? environmentCredentials;
  const cors = createCorsPolicy(options.allowedOrigins, options.allowedHeaders);
  const rateLimit = options.rateLimit ? createRateLimiter(options.rateLimit, nowMs) : undefined;
  const sessionPolicy = resolveSessionPolicy(options);
  const log = (event: PresignLogEvent) => {
    try {
      options.log?.(event);
    } catch {
      // A failing log hook must not change the answer.
    }
  };

  return async (request) => {
    let principal: string | undefined;
    let corsHeaders: Record<string, string> = {};
    try {
      corsHeaders = cors.headersFor(request);
      if (request.method === "OPTIONS") return emptyResponse(204, cors.preflightHeaders(request));
      checkEnvelope(request, maxBodyBytes);

      principal = await identify(request, authorize);
      if (rateLimit) {
        const verdict = rateLimit(principal);
        if (!verdict.allowed) {
          throw new PresignRefusal(429, "rate-limited", "Too many requests; try again later", {
            "Retry-After": String(Math.max(1, Math.ceil(verdict.retryAfterMs / 1000))),
          });
        }
      }

      const body = parseRequestBody(await readBodyText(request, maxBodyBytes));
      const runtime = lookup(body.runtime);
      const urlExpires = requestedExpires(body.expires, expires);
      if (body.sessionId !== undefined && !isValidSessionId(body.sessionId)) {
        throw new PresignRefusal(
          400,
          "invalid-session-id",
          "sessionId must be 33-256 visible ASCII characters",
        );
      }
      const sessionId = await sessionPolicy(body.sessionId, principal);

      const signed = await (presigners.get(runtime) as Presigner)(
        { sessionId, signal: request.signal, attempt: 0 },
        credentials,
        urlExpires,
      );
      log({
        type: "minted",
        principal,
        runtime: runtime.name,
        sessionId,
        expiresAt: signed.expiresAt,
      });
      return jsonResponse(
        200,
        { url: signed.url, expiresAt: signed.expiresAt, sessionId: signed.sessionId },
        { ...corsHeaders, Date: new Date(signed.signedAt).toUTCString() },
      );
    } catch (error) {
      if (error instanceof PresignRefusal) {
        log({
          type: "refused",
          status: error.status,
          code: error.code,
          ...(principal === undefined ? {} : { principal }),
        });
        const headers =
          error.code === "origin-not-allowed"
            ? error.headers
            : { ...corsHeaders, ...error.headers };
        return errorResponse(error.status, error.code, error.message, headers);
      }
      log({ type: "failed", error, ...(principal === undefined ? {} : { principal }) });
      return errorResponse(500, "internal", GENERIC_FAILURE, corsHeaders);
    }
  };
}

async function identify(
  request: Request,
  authorize: PresignHandlerOptions["authorize"],
): Promise<string> {
  if (typeof authorize !== "function") return ANONYMOUS;
  const result = await authorize(request);
  if (result === null || result === undefined) {
    throw new PresignRefusal(401, "unauthorized", "Sign in to request a URL");
  }
  if (typeof result.principal !== "string" || result.principal === "") {
    throw new Error("authorize must return { principal: non-empty string } or null");
  }
  return result.principal;
}

function requestedExpires(requested: number | undefined, cap: number): number {
  if (requested === undefined) return cap;
  if (!Number.isInteger(requested) || requested < 1) {
    throw new PresignRefusal(
      400,
      "invalid-expires",
      "expires must be a whole number of seconds >= 1",
    );
  }
  if (requested > cap) {
    throw new PresignRefusal(400, "invalid-expires", `expires cannot exceed ${cap} seconds`);
  }
  return requested;
}

function resolveSessionPolicy(
  options: PresignHandlerOptions,
): (requestedId: string | undefined, principal: string) => Promise<string> {
  const policy = options.sessionIds ?? "bound";
  if (policy === "bound") {
    const binder = createSessionBinder(options.sessionSecret);
    return (requestedId, principal) => binder.resolve(requestedId, principal);
  }
  if (typeof policy !== "function") {
    throw new TypeError(
      'sessionIds must be "bound" or a function (requestedId, principal) => id | null',
    );
  }
  const custom: SessionIdPolicy = policy;
  return async (requestedId, principal) => {
    const id = await custom(requestedId, principal);
    if (id === null)
      throw new PresignRefusal(403, "session-forbidden", "This session is not yours to use");
    if (!isValidSessionId(id)) {
      throw new Error(
        "The sessionIds policy returned an id that is not 33-256 visible ASCII characters",
      );
    }
    return id;
  };
}
