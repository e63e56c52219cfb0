import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer, type WebSocket } from "ws";

/** One answer the bench agent can stream. */
export interface StreamScript {
  chunks: readonly string[];
  /**
   * Chunks per millisecond, sent on a 1 ms timer (a model streaming at that rate). Without it,
   * every chunk is sent back-to-back, as fast as the socket takes them.
   */
  chunksPerMs?: number;
}

/** A loopback agent that streams long answers when asked. */
export interface StreamServer {
  /** ws://127.0.0.1:PORT/agent */
  url: string;
  /**
   * http://127.0.0.1:PORT/: a blank page on the same loopback origin. Chromium's local network
   * access checks refuse a loopback socket from about:blank, so the bench page loads from here.
   */
  pageUrl: string;
  close(): Promise<void>;
}

const DONE_FRAME = JSON.stringify({ type: "done" });

function streamPaced(socket: WebSocket, frames: readonly string[], chunksPerMs: number): void {
  const started = performance.now();
  let sent = 0;
  const tick = () => {
    if (socket.readyState !== socket.OPEN) return;
    const due = Math.min(
      frames.length,
      Math.floor((performance.now() - started) * chunksPerMs) + 1,
    );
    while (sent < due) socket.send(frames[sent++]!);
    if (sent < frames.length) setTimeout(tick, 1);
    else socket.send(DONE_FRAME);
  };
  tick();
}

/**
 * The script a frame asks for: the frame itself, or the `inputText` of a `{"inputText": ...}`
 * frame (what the text codec, and the peers' transports in the benches, send for a user message).
 */
function requestedScript<T>(data: string, scripts: ReadonlyMap<string, T>): T | undefined {
  const direct = scripts.get(data);
  if (direct) return direct;
  if (!data.startsWith("{")) return undefined;
  try {
    const frame = JSON.parse(data) as { inputText?: unknown };
    return typeof frame.inputText === "string" ? scripts.get(frame.inputText) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts the bench agent on 127.0.0.1, port 0. When a socket sends one of the `scripts`' keys
 * (as the frame, or as its `inputText`), it sends `{"text": chunk}` for every chunk of that
 * script, then `{"type":"done"}`. Anything else is ignored, so a client's own frames never
 * start a stream by accident.
 */
export async function startStreamServer(
  scripts: Readonly<Record<string, StreamScript>>,
): Promise<StreamServer> {
  const prepared = new Map(
    Object.entries(scripts).map(([trigger, script]) => [
      trigger,
      { ...script, frames: script.chunks.map((text) => JSON.stringify({ text })) },
    ]),
  );
  const http = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    response.end("<!doctype html><html lang=en><title>bench</title><body></body></html>");
  });
  const server = new WebSocketServer({ server: http });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  server.on("connection", (socket) => {
    socket.on("message", (data) => {
      const script = requestedScript(String(data), prepared);
      if (!script) return;
      if (script.chunksPerMs !== undefined) {
        streamPaced(socket, script.frames, script.chunksPerMs);
        return;
      }
      for (const frame of script.frames) socket.send(frame);
      socket.send(DONE_FRAME);
    });
  });
  const { port } = http.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/agent`,
    pageUrl: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => http.close(() => resolve()));
      }),
  };
}
