import type { IncomingMessage } from "node:http";
import { refuseAuth, type AuthConfig, type AuthDecision } from "./auth-types";
import type { AuthMode } from "./events";
import { splitHostPort } from "./raw-url";
import type { SignatureFailureCode, SignatureVerification } from "./signature-result";
import { parseAmzDate } from "./sigv4-fields";
import { decodeComponent } from "./uri-encoding";
import { SESSION_ID_PARAM, verifyPresignedTarget } from "./verify-presigned-url";
import { headerValue } from "./request-headers";
import { verifySignedHeadersWith } from "./verify-signed-headers";

/** What a refusal's log entry may say about the request: never a signature or a secret. */
interface SeenDetails {
  sessionId?: string;
  signedAt?: number;
  expiresAt?: number;
}

/**
 * @internal Authenticates a presigned URL (SigV4 in the query) for the request's `Host`:
 * 400 with an `Authorization` header too, 403 when SigV4 is off or the signature fails.
 */
export async function authenticatePresigned(
  req: IncomingMessage,
  target: { path: string; rawQuery: string },
  config: AuthConfig,
): Promise<AuthDecision> {
  const seen = describePresigned(target.rawQuery);
  const refuse = (status: number, code: string, reason: string): AuthDecision => ({
    ...refuseAuth("sigv4-query", status, code, reason),
    ...seen,
  });
  if (headerValue(req.headers, "authorization") !== undefined) {
    return refuse(
      400,
      "multiple-auth",
      "Use one authentication mechanism: the URL is presigned and an Authorization header is set",
    );
  }
  if (!config.presigned)
    return refuse(
      403,
      "sigv4-disabled",
      "SigV4 is not enabled on this emulator (no credentials configured)",
    );
  const host = hostname(req);
  if (host === undefined) return refuse(400, "malformed", "no valid Host header");
  const result = await verifyPresignedTarget({ hostname: host, ...target }, config.presigned);
  // Like the service: without a session id in the query, the header's is used.
  const fromHeader = headerValue(req.headers, SESSION_ID_PARAM);
  const verified =
    result.ok && result.sessionId === undefined ? { ...result, sessionId: fromHeader } : result;
  const headerSession = fromHeader === undefined ? {} : { sessionId: fromHeader };
  return signed("sigv4-query", verified, config, { ...headerSession, ...seen });
}

/** @internal Authenticates SigV4 headers (`Authorization: AWS4-...`); 403 when SigV4 is off. */
export async function authenticateSignedHeaders(
  req: IncomingMessage,
  config: AuthConfig,
): Promise<AuthDecision> {
  if (!config.headers)
    return refuseAuth(
      "sigv4-header",
      403,
      "sigv4-disabled",
      "SigV4 is not enabled on this emulator (no credentials configured)",
    );
  const result = await verifySignedHeadersWith(
    { method: req.method, target: req.url ?? "", headers: req.headers },
    config.headers,
  );
  const sessionId = headerValue(req.headers, SESSION_ID_PARAM);
  return signed("sigv4-header", result, config, { sessionId });
}

/** The verdict on a verified signature, with the expiry fault applied. */
function signed(
  mode: AuthMode,
  result: SignatureVerification,
  config: AuthConfig,
  seen: SeenDetails,
): AuthDecision {
  if (!result.ok)
    return { ...refuseAuth(mode, statusFor(result.code), result.code, result.reason), ...seen };
  const details = {
    sessionId: result.sessionId,
    accessKeyId: result.accessKeyId,
    signedAt: result.signedAt,
    expiresAt: mode === "sigv4-query" ? result.expiresAt : undefined,
  };
  const cutoff = config.issuedBefore();
  if (cutoff !== undefined && result.signedAt < cutoff) {
    return {
      ...refuseAuth(
        mode,
        403,
        "expired",
        "The signature was dated before the emulator expired all earlier URLs",
      ),
      ...details,
    };
  }
  return { ok: true, mode, qualifier: result.qualifier, ...details };
}

function statusFor(code: SignatureFailureCode): number {
  return code === "missing-auth" ? 401 : 403;
}

/** The request's host name without the port, from the `Host` header. */
function hostname(req: IncomingMessage): string | undefined {
  const host = headerValue(req.headers, "host");
  if (host === undefined) return undefined;
  const parts = splitHostPort(host);
  return parts.ok ? parts.hostname : undefined;
}

/** Best-effort session id and validity window of a presigned query, for the log of refusals. */
function describePresigned(rawQuery: string): SeenDetails {
  let sessionId: string | undefined;
  let signedAt: number | undefined;
  let expiresSeconds: number | undefined;
  for (const pair of rawQuery.split("&")) {
    const eq = pair.indexOf("=");
    if (eq < 0) continue;
    const key = decodeComponent(pair.slice(0, eq));
    const value = decodeComponent(pair.slice(eq + 1));
    if (key === undefined || value === undefined) continue;
    if (key === SESSION_ID_PARAM) sessionId = value;
    if (key === "X-Amz-Date") signedAt = parseAmzDate(value);
    if (key === "X-Amz-Expires" && /^\d{1,10}$/.test(value)) expiresSeconds = Number(value);
  }
  return {
    ...(sessionId !== undefined ? { sessionId } : {}),
    ...(signedAt !== undefined ? { signedAt } : {}),
    ...(signedAt !== undefined && expiresSeconds !== undefined
      ? { expiresAt: signedAt + expiresSeconds * 1000 }
      : {}),
  };
}
