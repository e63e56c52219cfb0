import WebSocket, { type RawData } from "ws";
import type { ResolvedForward } from "./forward-options";

/** What the agent's socket does, as the relay hears it. */
export interface UpstreamListener {
  message(data: RawData, isBinary: boolean): void;
  close(code: number, reason: Buffer): void;
}

/**
 * The agent container's open WebSocket. What it sends before the relay listens (while the
 * client's upgrade completes) is kept and handed over, in order, when it does.
 */
export class Upstream {
  readonly ws: WebSocket;
  #listener: UpstreamListener | undefined;
  readonly #early: Array<(listener: UpstreamListener) => void> = [];

  constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on("error", () => undefined);
    ws.on("message", (data, isBinary) => this.#deliver((to) => to.message(data, isBinary)));
    ws.on("close", (code, reason) => this.#deliver((to) => to.close(code, reason)));
  }

  /** True while frames can be sent to the agent. */
  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Starts delivering the agent's frames and close to `listener`, the early ones first. */
  listen(listener: UpstreamListener): void {
    this.#listener = listener;
    for (const event of this.#early.splice(0)) event(listener);
  }

  /** Closes the agent's socket (a code the client side may send; others become 1001). */
  close(code = 1001, reason = ""): void {
    if (this.ws.readyState === WebSocket.CLOSED || this.ws.readyState === WebSocket.CLOSING) return;
    this.ws.close(code, reason);
  }

  #deliver(event: (listener: UpstreamListener) => void): void {
    if (this.#listener) event(this.#listener);
    else this.#early.push(event);
  }
}

/** The agent's WebSocket, opened; or why it could not be. */
export type UpstreamResult = { ok: true; upstream: Upstream } | { ok: false; reason: string };

/**
 * Opens the agent container's `/ws` with `headers` (the session id and custom headers the
 * service adds). Resolves once the agent accepted the upgrade, or with why not: its HTTP
 * answer, a network error or the connect timeout. Never rejects.
 */
export function openUpstream(
  forward: ResolvedForward,
  headers: Record<string, string>,
): Promise<UpstreamResult> {
  return new Promise((resolve) => {
    const ws = new WebSocket(forward.wsUrl, {
      headers,
      handshakeTimeout: forward.connectTimeoutMs,
      perMessageDeflate: false,
      followRedirects: false,
    });
    const fail = (reason: string) => {
      ws.removeAllListeners();
      ws.on("error", () => undefined);
      ws.terminate();
      resolve({ ok: false, reason });
    };
    ws.once("open", () => {
      ws.removeAllListeners();
      resolve({ ok: true, upstream: new Upstream(ws) });
    });
    ws.once("unexpected-response", (request, response) => {
      request.destroy();
      const status = response.statusCode ?? 0;
      fail(`the agent answered the WebSocket upgrade of ${forward.wsUrl} with HTTP ${status}`);
    });
    ws.once("error", (error: Error & { code?: string }) => {
      fail(`the agent's WebSocket ${forward.wsUrl} failed: ${error.code ?? error.message}`);
    });
  });
}
