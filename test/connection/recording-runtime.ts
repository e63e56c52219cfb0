import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import { SESSION_ID_PARAM } from "../../src/signing/runtime-url";

/** One upgrade the server saw. */
export interface Upgrade {
  /** Path and query of the request. */
  url: string;
  sessionId: string | null;
  refused: boolean;
}

/** What the scripted agent does with one inbound frame on one connection. */
export type AgentBehaviour = (frame: string, socket: WebSocket, runtime: RecordingRuntime) => void;

/**
 * A stand-in for the AgentCore Runtime WebSocket endpoint on 127.0.0.1 (an OS-chosen port):
 * records every upgrade and every frame it receives, can refuse upgrades with an HTTP status,
 * and lets a test script the agent's answers, drops and close codes.
 */
export class RecordingRuntime {
  /** Every text frame received, in arrival order, across connections. */
  readonly received: string[] = [];
  readonly upgrades: Upgrade[] = [];
  /** Most connections that were open on the server at the same moment. */
  maxConcurrent = 0;
  /** Answer the next upgrades with these HTTP statuses instead of accepting them. */
  readonly refuseNext: number[] = [];
  behaviour: AgentBehaviour = streamAnswer(["Hello", ", ", "world"]);

  readonly #http: Server;
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #open = new Set<WebSocket>();

  private constructor() {
    this.#http = createServer((_request, response) => {
      response.writeHead(426).end();
    });
    this.#http.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) =>
      this.#upgrade(request, socket, head),
    );
  }

  static async start(): Promise<RecordingRuntime> {
    const runtime = new RecordingRuntime();
    await new Promise<void>((resolve) => runtime.#http.listen(0, "127.0.0.1", resolve));
    return runtime;
  }

  /** `ws://127.0.0.1:<port>/ws` */
  get baseUrl(): string {
    const { port } = this.#http.address() as AddressInfo;
    return `ws://127.0.0.1:${port}/ws`;
  }

  get openCount(): number {
    return this.#open.size;
  }

  /** The open server-side sockets. */
  get sockets(): WebSocket[] {
    return [...this.#open];
  }

  async stop(): Promise<void> {
    for (const socket of this.#open) socket.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }

  #upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const status = this.refuseNext.shift();
    this.upgrades.push({
      url: request.url ?? "",
      sessionId: url.searchParams.get(SESSION_ID_PARAM),
      refused: status !== undefined,
    });
    if (status !== undefined) {
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    this.#wss.handleUpgrade(request, socket, head, (ws) => {
      this.#open.add(ws);
      this.maxConcurrent = Math.max(this.maxConcurrent, this.#open.size);
      ws.on("close", () => this.#open.delete(ws));
      ws.on("message", (data, isBinary) => {
        const frame = isBinary ? Buffer.from(data as Buffer).toString("utf8") : data.toString();
        this.received.push(frame);
        this.behaviour(frame, ws, this);
      });
    });
  }
}

/** The `inputText` of a frame the text codec sent. */
export function inputText(frame: string): string {
  return (JSON.parse(frame) as { inputText: string }).inputText;
}

/** An agent that answers every message with these chunks as `{"text"}` frames, then `{"done":true}`. */
export function streamAnswer(chunks: string[]): AgentBehaviour {
  return (_frame, socket) => {
    for (const chunk of chunks) socket.send(JSON.stringify({ text: chunk }));
    socket.send(JSON.stringify({ done: true }));
  };
}
