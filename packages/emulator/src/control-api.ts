import type { IncomingMessage, ServerResponse } from "node:http";
import { admitControlRequest, sendJson, type AllowedOrigins } from "./control-access";
import type { EventLog } from "./events";
import { applyFaultCommand, parseFaultCommand } from "./fault-commands";
import { FaultCommandError } from "./fault-types";
import type { FaultController } from "./faults";
import { sessionSummary, type SessionStore } from "./sessions";

/** The path prefix of the control endpoint. */
export const CONTROL_PREFIX = "/__emulator";

const MAX_BODY_BYTES = 64 * 1024;

/** @internal what the control endpoint reads and drives. */
export interface ControlContext {
  faults: FaultController;
  events: EventLog;
  sessions: SessionStore;
  clock: () => number;
  info: () => Record<string, unknown>;
  /** Origins allowed besides loopback ones (`http://localhost:5173` style), or `*`. */
  allowedOrigins: AllowedOrigins;
}

/**
 * @internal Serves `/__emulator/*` to loopback clients only; browsers may call it from
 * loopback origins (CORS).
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
  const cors = admitControlRequest(req, res, context.allowedOrigins);
  if (!cors) return;
  const answer = (status: number, body: unknown) => sendJson(res, status, body, cors);
  try {
    await route(req, context, answer);
  } catch (error) {
    if (error instanceof FaultCommandError) return answer(400, { message: error.message });
    answer(500, { message: error instanceof Error ? error.message : String(error) });
  }
}

async function route(
  req: IncomingMessage,
  context: ControlContext,
  answer: (status: number, body: unknown) => void,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const path = url.pathname.slice(CONTROL_PREFIX.length);
  if (req.method === "GET" && path === "/health")
    return answer(200, { ok: true, now: context.clock(), ...context.info() });
  if (req.method === "GET" && path === "/events") {
    const after = Number(url.searchParams.get("after") ?? "0");
    return answer(200, { events: context.events.events.filter((event) => event.seq > after) });
  }
  if (req.method === "GET" && path === "/sessions") {
    const sessions = [...context.sessions.map.values()].map((s) => sessionSummary(s, false));
    return answer(200, { sessions });
  }
  if (req.method === "GET" && path.startsWith("/sessions/")) {
    const session = context.sessions.map.get(decodeURIComponent(path.slice("/sessions/".length)));
    if (!session) return answer(404, { message: "No such session" });
    return answer(200, sessionSummary(session, true));
  }
  if (req.method === "GET" && path === "/faults") return answer(200, context.faults.snapshot());
  if (req.method === "POST" && path === "/faults") {
    const body = await readJson(req);
    for (const command of Array.isArray(body) ? body : [body]) {
      applyFaultCommand(context.faults, parseFaultCommand(command));
    }
    return answer(200, context.faults.snapshot());
  }
  answer(404, { message: "Unknown emulator control route" });
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = Buffer.from(chunk);
    size += bytes.length;
    if (size > MAX_BODY_BYTES) throw new FaultCommandError("The request body is too large");
    chunks.push(bytes);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new FaultCommandError("The request body is not JSON");
  }
}
