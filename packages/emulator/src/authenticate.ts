import type { IncomingMessage } from "node:http";
import { refuseAuth, type AuthConfig, type AuthDecision } from "./auth-types";
import { authenticateBearer } from "./authenticate-bearer";
import { authenticatePresigned, authenticateSignedHeaders } from "./authenticate-sigv4";
import { findBearer, offeredProtocols } from "./bearer-auth";
import { splitRequestTarget } from "./raw-url";
import { hasPresignedParams } from "./verify-presigned-url";
import { headerValue } from "./request-headers";

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
  if (!target.ok) return refuseAuth("none", 400, "malformed", target.reason);
  const authorization = headerValue(req.headers, "authorization");
  if (hasPresignedParams(target.rawQuery)) return authenticatePresigned(req, target, config);
  if (authorization !== undefined && authorization.startsWith("AWS4-"))
    return authenticateSignedHeaders(req, config);
  const protocols = offeredProtocols(headerValue(req.headers, "sec-websocket-protocol"));
  const bearer = findBearer(authorization, protocols);
  if (bearer.found) return authenticateBearer(req, target.rawQuery, bearer, runtimeArn, config);
  if (authorization !== undefined)
    return refuseAuth("none", 401, "unsupported-auth", "Unsupported Authorization scheme");
  return refuseAuth(
    "none",
    401,
    "missing-auth",
    "Missing authentication: presign the URL, sign the headers or send a bearer token",
  );
}
