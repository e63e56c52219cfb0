import type { IncomingMessage, ServerResponse } from "node:http";
import type { PresignHandler } from "./presign-handler";
import { redactedError } from "../core/redact";
import { describeFailure } from "./failure";
import { hooksOf, type HandlerHooks } from "./handler-hooks";
import { consoleLog } from "./log";
import { errorResponse } from "./responses";
import { rememberSocketAddress } from "./socket-address";

/** A `node:http` request listener, also usable as Express middleware. */
export type NodeRequestListener = (
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<void>;

function requestUrl(request: IncomingMessage): string {
  // A TLSSocket says `encrypted: true`; a plain socket has no such property.
  const { socket } = request;
  const scheme = "encrypted" in socket && socket.encrypted === true ? "https" : "http";
  try {
    return new URL(request.url ?? "/", `${scheme}://${request.headers.host ?? "localhost"}`).href;
  } catch {
    return `${scheme}://localhost/`;
  }
}

function requestHeaders(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined || name.startsWith(":")) continue;
    try {
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else headers.set(name, value);
    } catch {
      // A header the Fetch API refuses is one the handler does not need.
    }
  }
  return headers;
}

/**
 * The request body as a web stream that never destroys the socket when the reader stops early
 * (a body over the limit), so the refusal can still be written back.
 */
function requestBody(request: IncomingMessage): BodyInit | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  // Express's body parsers may have consumed the stream already: reuse what they parsed.
  const parsed = "body" in request ? request.body : undefined;
  if (parsed !== undefined && request.readableEnded) {
    if (typeof parsed === "string") return parsed;
    if (parsed instanceof Uint8Array) return new TextDecoder().decode(parsed);
    return JSON.stringify(parsed);
  }
  let onData: ((chunk: Buffer) => void) | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      onData = (chunk) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) request.pause();
      };
      request.on("data", onData);
      request.once("end", () => controller.close());
      request.once("error", (error) => controller.error(error));
    },
    pull() {
      request.resume();
    },
    cancel() {
      if (onData) request.off("data", onData);
      request.pause();
    },
  });
}

// Methods the Fetch API refuses to put in a `Request` (it throws): answered here with 405.
const FORBIDDEN_METHODS = /^(?:CONNECT|TRACE|TRACK)$/i;

/**
 * Answers for a handler that `createPresignHandler` did not make: the same answers, printed
 * by the default console log (it has no `log` option of its own).
 */
const FALLBACK_HOOKS: HandlerHooks = {
  refuseMethod: () => {
    consoleLog({ type: "refused", status: 405, code: "method-not-allowed" });
    return errorResponse(405, "method-not-allowed", "Use POST", { Allow: "POST, OPTIONS" });
  },
  fail: (error) => {
    const { status, code, message } = describeFailure(error);
    consoleLog({ type: "failed", status, code, error: redactedError(error) });
    return errorResponse(status, code, message);
  },
};

/** A request's URL, headers and socket address without its method or body. */
function standIn(req: IncomingMessage): Request | undefined {
  try {
    const request = new Request(requestUrl(req), { headers: requestHeaders(req) });
    rememberSocketAddress(request, req.socket.remoteAddress);
    return request;
  } catch {
    return undefined;
  }
}

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const body = requestBody(req);
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method ?? "GET",
    headers: requestHeaders(req),
    signal,
  };
  if (body !== null) {
    init.body = body;
    init.duplex = "half";
  }
  const request = new Request(requestUrl(req), init);
  rememberSocketAddress(request, req.socket.remoteAddress);
  return request;
}

async function answer(
  handler: PresignHandler,
  req: IncomingMessage,
  signal: AbortSignal,
): Promise<Response> {
  const hooks = hooksOf(handler) ?? FALLBACK_HOOKS;
  if (FORBIDDEN_METHODS.test(req.method ?? "")) {
    return hooks.refuseMethod(standIn(req));
  }
  try {
    return await handler(toRequest(req, signal));
  } catch (error) {
    return hooks.fail(error, standIn(req));
  }
}

/**
 * Adapts a Web-standard handler (such as `createPresignHandler`'s) to `node:http` and Express:
 * `http.createServer(toNodeHandler(handler))` or `app.post("/api/agent-url", toNodeHandler(handler))`.
 * Mount it before any body parser, or after `express.json()` (the parsed body is reused).
 *
 * It tells the handler the socket's remote address (for the rate limits by client address),
 * answers `TRACE` (which the Fetch API cannot represent) with 405, and, for a handler made by
 * `createPresignHandler`, logs those answers and its own failures through the handler's `log`.
 */
export function toNodeHandler(handler: PresignHandler): NodeRequestListener {
  return async (req, res) => {
    const aborted = new AbortController();
    res.once("close", () => {
      if (!res.writableFinished) aborted.abort();
    });
    const response = await answer(handler, req, aborted.signal);
    const payload = new Uint8Array(await response.arrayBuffer());
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    // A body left unread (refused early) would otherwise hold the connection open.
    if (!req.complete) res.setHeader("Connection", "close");
    res.end(payload);
  };
}
