import type { IncomingMessage, ServerResponse } from "node:http";
import type { EventLog } from "./events";
import { FaultCommandError, type FaultCommand, type FaultController } from "./faults";
import { splitHostPort } from "./raw-url";
import { sessionSummary, type SessionStore } from "./sessions";

/** The path prefix of the control endpoint. */
export const CONTROL_PREFIX = "/__emulator";

const MAX_BODY_BYTES = 64 * 1024;
const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** @internal what the control endpoint reads and drives. */
export interface ControlContext {
  faults: FaultController;
  events: EventLog;
  sessions: SessionStore;
  clock: () => number;
  info: () => Record<string, unknown>;
  /** Origins allowed besides loopback ones (`http://localhost:5173` style), or `*`. */
  allowedOrigins: readonly string[] | "*";
}

/** True for 127.0.0.0/8 and ::1 (also as IPv4-mapped IPv6). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return v4 === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

function isLoopbackHostHeader(host: string | undefined): boolean {
  if (!host) return false;
  const parts = splitHostPort(host);
  return (
    parts.ok &&
    (LOOPBACK_NAMES.has(parts.hostname) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(parts.hostname))
  );
}

function originAllowed(origin: string, allowed: ControlContext["allowedOrigins"]): boolean {
  if (allowed === "*" || allowed.includes(origin)) return true;
  try {
    const url = new URL(origin);
    return (
      (url.protocol === "http:" || url.protocol === "https:") &&
      (LOOPBACK_NAMES.has(url.hostname) || /^127\./.test(url.hostname))
    );
  } catch {
    return false;
  }
}

function send(
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

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new FaultCommandError("The request body is too large");
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new FaultCommandError("The request body is not JSON");
  }
}

/**
 * @internal Serves `/__emulator/*` to loopback clients only (by peer address and `Host`, which
 * also stops DNS rebinding); browsers may call it from loopback origins (CORS).
 *
 * - `GET  /__emulator/health`            -> `{ ok, url, region, ... }`
 * - `GET  /__emulator/events?after=SEQ`  -> `{ events }` (upgrade attempts and closes)
 * - `GET  /__emulator/sessions`          -> `{ sessions }` (summaries)
 * - `GET  /__emulator/sessions/{id}`     -> one session with its transcript
 * - `GET  /__emulator/faults`            -> the armed faults
 * - `POST /__emulator/faults`            -> apply a command or a list of commands; answers the faults
 */
export async function handleControl(
  req: IncomingMessage,
  res: ServerResponse,
  context: ControlContext,
): Promise<void> {
  const origin = req.headers.origin;
  if (!isLoopbackAddress(req.socket.remoteAddress) || !isLoopbackHostHeader(req.headers.host)) {
    send(res, 403, { message: "The emulator control endpoint answers loopback clients only" });
    return;
  }
  const cors: Record<string, string> = {};
  if (origin !== undefined) {
    if (!originAllowed(origin, context.allowedOrigins)) {
      send(res, 403, { message: `Origin ${origin} may not drive the emulator` });
      return;
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
    return;
  }
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const path = url.pathname.slice(CONTROL_PREFIX.length);
  try {
    if (req.method === "GET" && path === "/health")
      return send(res, 200, { ok: true, now: context.clock(), ...context.info() }, cors);
    if (req.method === "GET" && path === "/events") {
      const after = Number(url.searchParams.get("after") ?? "0");
      return send(
        res,
        200,
        { events: context.events.events.filter((event) => event.seq > after) },
        cors,
      );
    }
    if (req.method === "GET" && path === "/sessions") {
      return send(
        res,
        200,
        { sessions: [...context.sessions.map.values()].map((s) => sessionSummary(s, false)) },
        cors,
      );
    }
    if (req.method === "GET" && path.startsWith("/sessions/")) {
      const session = context.sessions.map.get(decodeURIComponent(path.slice("/sessions/".length)));
      if (!session) return send(res, 404, { message: "No such session" }, cors);
      return send(res, 200, sessionSummary(session, true), cors);
    }
    if (req.method === "GET" && path === "/faults")
      return send(res, 200, context.faults.snapshot(), cors);
    if (req.method === "POST" && path === "/faults") {
      const body = await readJson(req);
      const commands = (Array.isArray(body) ? body : [body]) as FaultCommand[];
      for (const command of commands) context.faults.apply(command);
      return send(res, 200, context.faults.snapshot(), cors);
    }
    send(res, 404, { message: "Unknown emulator control route" }, cors);
  } catch (error) {
    if (error instanceof FaultCommandError) return send(res, 400, { message: error.message }, cors);
    send(res, 500, { message: error instanceof Error ? error.message : String(error) }, cors);
  }
}
