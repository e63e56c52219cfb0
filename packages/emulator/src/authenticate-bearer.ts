import type { IncomingMessage } from "node:http";
import { refuseAuth, type AuthConfig, type AuthDecision } from "./auth-types";
import { acceptsBearer, type BearerFound } from "./bearer-auth";
import type { AuthMode } from "./events";
import { parseQuery } from "./raw-url";
import { SESSION_ID_PARAM } from "./verify-presigned-url";
import { headerValue } from "./request-headers";

/**
 * @internal Authenticates a handshake that carries an OAuth bearer token (header or
 * subprotocol): 401 when bearer tokens are off, the token is malformed or not accepted; 500
 * when the verifier throws. The session id comes from its header, else the query.
 */
export async function authenticateBearer(
  req: IncomingMessage,
  rawQuery: string,
  bearer: Extract<BearerFound, { found: true }>,
  runtimeArn: string,
  config: AuthConfig,
): Promise<AuthDecision> {
  const mode: AuthMode = bearer.via === "header" ? "bearer-header" : "bearer-subprotocol";
  if (!config.bearer)
    return refuseAuth(
      mode,
      401,
      "bearer-disabled",
      "OAuth bearer tokens are not enabled on this emulator",
    );
  if (bearer.token === undefined)
    return refuseAuth(mode, 401, "malformed", bearer.reason ?? "no bearer token");
  const query = parseQuery(rawQuery, "service");
  const queryParam = (key: string) =>
    query.ok ? query.params.find((p) => p.key === key)?.value : undefined;
  const sessionId = headerValue(req.headers, SESSION_ID_PARAM) ?? queryParam(SESSION_ID_PARAM);
  const qualifier = queryParam("qualifier");
  let accepted: boolean;
  try {
    accepted = await acceptsBearer(config.bearer, bearer.token, {
      runtimeArn,
      sessionId,
      via: bearer.via,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return refuseAuth(mode, 500, "bearer-verifier-error", `The bearer verifier threw: ${message}`);
  }
  if (!accepted) return refuseAuth(mode, 401, "invalid-token", "The bearer token is not accepted");
  return {
    ok: true,
    mode,
    sessionId,
    qualifier,
    ...(bearer.echo ? { protocol: bearer.echo } : {}),
  };
}
