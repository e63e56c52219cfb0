import type { IncomingMessage, ServerResponse } from "node:http";
import { splitHostPort } from "./raw-url";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** An IPv4 address in 127.0.0.0/8, exactly: four octets, nothing before or after. */
const LOOPBACK_V4 =
  /^127\.(?:25[0-5]|2[0-4]\d|1?\d?\d)\.(?:25[0-5]|2[0-4]\d|1?\d?\d)\.(?:25[0-5]|2[0-4]\d|1?\d?\d)$/;

/** A host name (as a URL or `Host` header gives it) that names this machine's loopback. */
function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_NAMES.has(hostname) || LOOPBACK_V4.test(hostname);
}

/** Origins allowed besides loopback ones (`http://localhost:5173` style), or `*`. */
export type AllowedOrigins = readonly string[] | "*";

/** True for 127.0.0.0/8 and ::1 (also as IPv4-mapped IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || LOOPBACK_V4.test(v4);
}

function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const parts = splitHostPort(host);
  return parts.ok && isLoopbackHostname(parts.hostname);
}

function originAllowed(origin: string, allowed: AllowedOrigins): boolean {
  if (allowed === "*" || allowed.includes(origin)) return true;
  try {
    const url = new URL(origin);
    // The origin must be exactly scheme://host[:port]: no user info, path, query or fragment.
    if (url.origin !== origin || url.username !== "" || url.password !== "") return false;
    return (
      (url.protocol === "http:" || url.protocol === "https:") && isLoopbackHostname(url.hostname)
    );
  } catch {
    return false;
  }
}

/** Writes a JSON answer that is never cached. */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(text);
}

/**
 * Lets loopback clients only through to the control endpoint (by peer address and `Host`,
 * which also stops DNS rebinding), and browsers only from allowed origins (CORS), answering a
 * preflight itself. Returns the CORS headers for the answer, or `undefined` once it has
 * answered (refused, or the preflight).
 */
export function admitControlRequest(
  req: IncomingMessage,
  res: ServerResponse,
  allowedOrigins: AllowedOrigins,
): Record<string, string> | undefined {
  const origin = req.headers.origin;
  if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHostHeader(req.headers.host)) {
    sendJson(res, 403, { message: "The emulator control endpoint answers loopback clients only" });
    return undefined;
  }
  const cors: Record<string, string> = {};
  if (origin !== undefined) {
    if (!originAllowed(origin, allowedOrigins)) {
      sendJson(res, 403, { message: `Origin ${origin} may not drive the emulator` });
      return undefined;
    }
    cors["Access-Control-Allow-Origin"] = origin;
    cors["Vary"] = "Origin";
  }
  if (req.method === "OPTIONS") {
    res.writeHead(204, {
      ...cors,
      "Access-Control-Allow-Methods": "GET, POST",
      "Access-Control-Allow-Headers": "content-type",
      "Access-Control-Max-Age": "600",
    });
    res.end();
    return undefined;
  }
  return cors;
}
