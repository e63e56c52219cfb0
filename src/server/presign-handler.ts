import { redactedError } from "../core/redact";
import { isValidSessionId } from "../core/session-id";
import { describeFailure } from "./failure";
import { createHandlerConfig, DEFAULT_MAX_BODY_BYTES, type HandlerConfig } from "./handler-config";
import type { PresignHandlerOptions } from "./options";
import { readBodyText } from "./read-body";
import { PresignRefusal } from "./refusal";
import { parseRequestBody } from "./request-body";
import type { RequestState } from "./request-state";
import { errorResponse, jsonResponse } from "./responses";
import { admit, webHandler } from "./web-handler";

export { DEFAULT_MAX_BODY_BYTES };

/** A Web-standard request handler: Node 20+, Next.js route handlers, Deno, workers, Lambda. */
export type PresignHandler = (request: Request) => Promise<Response>;

/**
 * Creates the backend endpoint that mints presigned URLs for the browser (the counterpart of
 * `backendUrlProvider`). It accepts only `POST` with a small JSON body
 * `{ sessionId?, runtime?, expires? }` and answers `{ url, expiresAt, sessionId }` with a `Date`
 * header and `Cache-Control: no-store`, or `{ error: { code, message } }` with a 4xx status,
 * 500 (`credentials-unavailable` or `internal`) or 503 (`rate-limit-unavailable`), always with a
 * fixed message: the details go to the log, redacted.
 *
 * Session ids are bound to the caller's principal (see `sessionIds`), so one user can resume
 * their own session but never obtain a URL for another user's. Requests are limited per client
 * address before `authorize` (`preAuthRateLimit`) and, with `rateLimit`, per principal (per
 * address when anonymous); a body must arrive within `bodyTimeoutMs`.
 *
 * @throws {AgentRuntimeValidationError} for unusable options, e.g. no `authorize` without
 *   `allowAnonymous: true`, both or neither of `runtimeArn` and `runtimes`, a bad ARN, region,
 *   endpoint, `expires`, `sessionSecret`, `rateLimit`, `preAuthRateLimit`, `rateLimitStore` or
 *   `trustProxy`, or an option of the wrong kind.
 */
export function createPresignHandler(options: PresignHandlerOptions): PresignHandler {
  const config = createHandlerConfig(options);
  return webHandler(
    config,
    (request, state) => mint(config, request, state),
    (state, error) => failureResponse(config, state, error),
  );
}

/** Checks, authorizes and rate-limits a request, then signs the URL it asks for. */
async function mint(config: HandlerConfig, request: Request, state: RequestState) {
  const principal = await admit(config, request, state, "Sign in to request a URL");

  const body = parseRequestBody(
    await readBodyText(request, config.maxBodyBytes, config.bodyTimeoutMs),
  );
  const runtime = config.runtimes(body.runtime);
  const urlExpires = requestedExpires(body.expires, config.expires);
  if (body.sessionId !== undefined && !isValidSessionId(body.sessionId)) {
    throw new PresignRefusal(
      400,
      "invalid-session-id",
      "sessionId must be 33-256 visible ASCII characters",
    );
  }
  const sessionId = await config.sessionPolicy(body.sessionId, principal);

  const signed = await runtime.presign(
    { sessionId, signal: request.signal, attempt: 0 },
    config.credentials,
    urlExpires,
  );
  config.log({
    type: "minted",
    principal,
    runtime: runtime.name,
    sessionId,
    expiresAt: signed.expiresAt,
  });
  return jsonResponse(
    200,
    { url: signed.url, expiresAt: signed.expiresAt, sessionId: signed.sessionId },
    { ...state.corsHeaders, Date: new Date(signed.signedAt).toUTCString() },
  );
}

/**
 * A refusal's 4xx answer, or for anything else a 500 (503 when the rate-limit store failed)
 * that names the kind of failure but not its details; both logged, the error redacted.
 */
function failureResponse(config: HandlerConfig, state: RequestState, error: unknown): Response {
  const { principal, clientAddress, corsHeaders } = state;
  const who = {
    ...(principal === undefined ? {} : { principal }),
    ...(clientAddress === undefined ? {} : { clientAddress }),
  };
  if (error instanceof PresignRefusal) {
    config.log({ type: "refused", status: error.status, code: error.code, ...who });
    // An origin that is not allowed gets no CORS headers at all.
    const headers =
      error.code === "origin-not-allowed" ? error.headers : { ...corsHeaders, ...error.headers };
    return errorResponse(error.status, error.code, error.message, headers);
  }
  const { status, code, message } = describeFailure(error);
  config.log({ type: "failed", status, code, ...who, error: redactedError(error) });
  return errorResponse(status, code, message, corsHeaders);
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
