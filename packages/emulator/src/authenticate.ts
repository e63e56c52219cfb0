import type { IncomingMessage } from "node:http";
import {
  acceptsBearer,
  findBearer,
  offeredProtocols,
  type BearerTokensOption,
} from "./bearer-auth";
import type { AuthMode } from "./events";
import { parseQuery, splitHostPort, splitRequestTarget } from "./raw-url";
import type { SignatureFailureCode, SignatureVerification } from "./signature-result";
import { parseAmzDate } from "./sigv4-fields";
import {
  SESSION_ID_PARAM,
  hasPresignedParams,
  verifyPresignedTarget,
  type PresignedCheck,
} from "./verify-presigned-url";
import { headerValue, verifySignedHeadersWith, type HeaderCheck } from "./verify-signed-headers";

/** @internal how the emulator authenticates upgrades. */
export interface AuthConfig {
  presigned: PresignedCheck | undefined;
  headers: HeaderCheck | undefined;
  bearer: BearerTokensOption | undefined;
  /** Signatures dated before this are refused as expired (a fault). */
  issuedBefore: () => number | undefined;
}

/** @internal the verdict on one handshake. */
export type AuthDecision =
  | {
      ok: true;
      mode: AuthMode;
      sessionId: string | undefined;
      qualifier: string | undefined;
      accessKeyId?: string;
      signedAt?: number;
      expiresAt?: number;
      protocol?: string;
    }
  | {
      ok: false;
      mode: AuthMode;
      status: number;
      code: string;
      reason: string;
      sessionId?: string;
      signedAt?: number;
      expiresAt?: number;
    };

/**
 * @internal Authenticates an upgrade request as the service does: SigV4 in the query, SigV4
 * headers, or an OAuth bearer token (header or subprotocol). Missing or bad bearer: 401;
 * missing auth: 401; bad SigV4: 403; mixing mechanisms: 400.
 */
export async function authenticate(
  req: IncomingMessage,
  runtimeArn: string,
  config: AuthConfig,
): Promise<AuthDecision> {
  const target = splitRequestTarget(req.url ?? "");
  if (!target.ok) return refuse("none", 400, "malformed", target.reason);
  const authorization = headerValue(req.headers, "authorization");
  const protocols = offeredProtocols(headerValue(req.headers, "sec-websocket-protocol"));
  const headerSession = headerValue(req.headers, SESSION_ID_PARAM);

  if (hasPresignedParams(target.rawQuery)) {
    const seen = describePresigned(target.rawQuery);
    if (authorization !== undefined) {
      return {
        ...refuse(
          "sigv4-query",
          400,
          "multiple-auth",
          "Use one authentication mechanism: the URL is presigned and an Authorization header is set",
        ),
        ...seen,
      };
    }
    if (!config.presigned)
      return {
        ...refuse(
          "sigv4-query",
          403,
          "sigv4-disabled",
          "SigV4 is not enabled on this emulator (no credentials configured)",
        ),
        ...seen,
      };
    const host = hostname(req);
    if (host === undefined)
      return { ...refuse("sigv4-query", 400, "malformed", "no valid Host header"), ...seen };
    const result = await verifyPresignedTarget({ hostname: host, ...target }, config.presigned);
    return signed("sigv4-query", result, config, seen);
  }

  if (authorization !== undefined && authorization.startsWith("AWS4-")) {
    if (!config.headers)
      return refuse(
        "sigv4-header",
        403,
        "sigv4-disabled",
        "SigV4 is not enabled on this emulator (no credentials configured)",
      );
    const result = await verifySignedHeadersWith(
      { method: req.method, target: req.url ?? "", headers: req.headers },
      config.headers,
    );
    return signed("sigv4-header", result, config, { sessionId: headerSession });
  }

  const bearer = findBearer(authorization, protocols);
  if (bearer.found) {
    const mode: AuthMode = bearer.via === "header" ? "bearer-header" : "bearer-subprotocol";
    if (!config.bearer)
      return refuse(
        mode,
        401,
        "bearer-disabled",
        "OAuth bearer tokens are not enabled on this emulator",
      );
    if (bearer.token === undefined)
      return refuse(mode, 401, "malformed", bearer.reason ?? "no bearer token");
    const query = parseQuery(target.rawQuery);
    const sessionId =
      headerSession ??
      (query.ok ? query.params.find((p) => p.key === SESSION_ID_PARAM)?.value : undefined);
    const qualifier = query.ok ? query.params.find((p) => p.key === "qualifier")?.value : undefined;
    let accepted: boolean;
    try {
      accepted = await acceptsBearer(config.bearer, bearer.token, {
        runtimeArn,
        sessionId,
        via: bearer.via,
      });
    } catch (error) {
      return refuse(
        mode,
        500,
        "bearer-verifier-error",
        `The bearer verifier threw: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (!accepted) return refuse(mode, 401, "invalid-token", "The bearer token is not accepted");
    return {
      ok: true,
      mode,
      sessionId,
      qualifier,
      ...(bearer.echo ? { protocol: bearer.echo } : {}),
    };
  }

  if (authorization !== undefined)
    return refuse("none", 401, "unsupported-auth", "Unsupported Authorization scheme");
  return refuse(
    "none",
    401,
    "missing-auth",
    "Missing authentication: presign the URL, sign the headers or send a bearer token",
  );
}

function signed(
  mode: AuthMode,
  result: SignatureVerification,
  config: AuthConfig,
  seen: { sessionId?: string; signedAt?: number; expiresAt?: number },
): AuthDecision {
  if (!result.ok)
    return { ...refuse(mode, statusFor(result.code), result.code, result.reason), ...seen };
  const details = {
    sessionId: result.sessionId,
    accessKeyId: result.accessKeyId,
    signedAt: result.signedAt,
    expiresAt: mode === "sigv4-query" ? result.expiresAt : undefined,
  };
  const cutoff = config.issuedBefore();
  if (cutoff !== undefined && result.signedAt < cutoff) {
    return {
      ...refuse(
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

function refuse(
  mode: AuthMode,
  status: number,
  code: string,
  reason: string,
): AuthDecision & { ok: false } {
  return { ok: false, mode, status, code, reason };
}

/** The request's host name without the port, from the `Host` header. */
function hostname(req: IncomingMessage): string | undefined {
  const host = headerValue(req.headers, "host");
  if (host === undefined) return undefined;
  const parts = splitHostPort(host);
  return parts.ok ? parts.hostname : undefined;
}

/** Best-effort session id and validity window of a presigned query, for the log of refusals. */
function describePresigned(rawQuery: string): {
  sessionId?: string;
  signedAt?: number;
  expiresAt?: number;
} {
  const out: { sessionId?: string; signedAt?: number; expiresAt?: number } = {};
  for (const pair of rawQuery.split("&")) {
    const eq = pair.indexOf("=");
    if (eq < 0) continue;
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(pair.slice(0, eq));
      value = decodeURIComponent(pair.slice(eq + 1));
    } catch {
      continue;
    }
    if (key === SESSION_ID_PARAM) out.sessionId = value;
    if (key === "X-Amz-Date") out.signedAt = parseAmzDate(value);
    if (key === "X-Amz-Expires" && /^\d{1,10}$/.test(value)) out.expiresAt = Number(value) * 1000;
  }
  out.expiresAt =
    out.signedAt !== undefined && out.expiresAt !== undefined
      ? out.signedAt + out.expiresAt
      : undefined;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}
