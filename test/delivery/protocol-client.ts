import { randomUUID } from "node:crypto";
import WebSocket from "ws";

/** How long one wait may take at most: a deadline for a hang, not a pace. */
const DEADLINE_MS = 15_000;
export const SESSION_HEADER = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";

/** A new runtime session id (33 characters or more, as the service wants). */
export function newSessionId(): string {
  return `conformance-${randomUUID()}`;
}

/**
 * A client that speaks `acr-delivery/1` by hand over a real WebSocket: it sends the frames a
 * test writes and hands back, in order, the frames the agent sent.
 */
export class ProtocolClient {
  readonly #socket: WebSocket;
  readonly #frames: string[] = [];
  #wake: (() => void) | undefined;
  /** How the agent (or the network) closed the stream. */
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on("message", (data, isBinary) => {
      this.#frames.push(isBinary ? "<binary>" : data.toString());
      this.#wake?.();
    });
    this.closed = new Promise((resolve) => {
      socket.once("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.#wake?.();
      });
    });
  }

  /** Opens a stream of `session`, the id in the runtime's header (or in `?session=`). */
  static open(port: number, session: string, via: "header" | "query" = "header") {
    const query = via === "query" ? `?session=${encodeURIComponent(session)}` : "";
    const headers = via === "header" ? { [SESSION_HEADER]: session } : {};
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws${query}`, { headers });
    return new Promise<ProtocolClient>((resolve, reject) => {
      const client = new ProtocolClient(socket);
      socket.once("open", () => resolve(client));
      socket.once("error", reject);
    });
  }

  send(frame: string): void {
    this.#socket.send(frame);
  }

  sendBinary(data: Uint8Array): void {
    this.#socket.send(data, { binary: true });
  }

  /** The next `count` frames the agent sent, waiting for them as long as the deadline. */
  async next(count = 1): Promise<string[]> {
    const deadline = Date.now() + DEADLINE_MS;
    while (this.#frames.length < count) {
      if (this.#socket.readyState === WebSocket.CLOSED) {
        throw new Error(`closed after ${JSON.stringify(this.#frames)}; wanted ${count} frames`);
      }
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`${count} frames never came; got ${JSON.stringify(this.#frames)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    return this.#frames.splice(0, count);
  }

  /** Reads frames until one equals `frame`, and returns those before it. */
  async until(frame: string): Promise<string[]> {
    const before: string[] = [];
    for (let [next] = await this.next(); next !== frame; [next] = await this.next()) {
      before.push(next ?? "");
    }
    return before;
  }

  /** `@resume`, and the agent's `@hello` answer. */
  async resume(epoch: string, seq: number): Promise<string> {
    this.send(`@resume ${epoch} ${seq}`);
    const [hello = ""] = await this.next();
    return hello;
  }

  /** Sends a message and returns the frames up to and including its `@got`. */
  async message(id: string, payload: string): Promise<string[]> {
    this.send(`@msg ${id} ${payload}`);
    return [...(await this.until(`@got ${id}`)), `@got ${id}`];
  }

  /** The code the stream closed with, waiting for the close as long as the deadline. */
  async closeCode(): Promise<number> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error("the agent never closed the stream")), DEADLINE_MS);
    });
    try {
      return (await Promise.race([this.closed, deadline])).code;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The stream dies without a close handshake (the agent sees 1006). */
  drop(): void {
    this.#socket.terminate();
  }

  /** Closes the stream normally and waits until it is closed. */
  async close(): Promise<void> {
    this.#socket.close(1000);
    await this.closed;
  }
}

/** The epoch of a `@hello <epoch> <seq>` frame. */
export function epochOf(hello: string): string {
  const match = /^@hello ([A-Za-z0-9]{4,32}) (0|[1-9]\d*)$/.exec(hello);
  if (!match?.[1]) throw new Error(`not a @hello frame: ${JSON.stringify(hello)}`);
  return match[1];
}
