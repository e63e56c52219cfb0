import WebSocket from "ws";
import {
  DEMO_CREDENTIALS,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
} from "agentcore-react-emulator";
import { AgentRuntimeClient, type AgentRuntimeClientOptions } from "../../src/signing";

/** A runtime ARN in the emulator's default region. */
export const RUNTIME_ARN =
  "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/emulator_test-Abc123XyZ";

/** A valid runtime session id (33+ characters) distinct per `n`. */
export function sessionId(n: number | string = 1): string {
  return `emulator-test-session-${n}`.padEnd(40, "0");
}

const running = new Set<Emulator>();

/** Starts an emulator on 127.0.0.1:0 with the demo credentials; `stopEmulators` closes it. */
export async function emulator(options: Partial<EmulatorOptions> = {}): Promise<Emulator> {
  const started = await startEmulator({ credentials: DEMO_CREDENTIALS, ...options });
  running.add(started);
  return started;
}

/** Closes every emulator the test started. */
export async function stopEmulators(): Promise<void> {
  await Promise.all([...running].map((item) => item.close()));
  running.clear();
}

/** Our signer pointed at the emulator (the client side of the tests). */
export function signer(
  target: Emulator,
  options: Partial<AgentRuntimeClientOptions> = {},
): AgentRuntimeClient {
  return new AgentRuntimeClient({
    region: "us-west-2",
    credentials: DEMO_CREDENTIALS,
    endpoint: target.url,
    ...options,
  });
}

/** A presigned URL for the test runtime on the emulator. */
export async function presignedUrl(
  target: Emulator,
  options: {
    session?: string;
    expires?: number;
    endpointName?: string;
    client?: Partial<AgentRuntimeClientOptions>;
  } = {},
): Promise<string> {
  return signer(target, options.client).generatePresignedUrl({
    runtimeArn: RUNTIME_ARN,
    sessionId: options.session ?? sessionId(),
    expires: options.expires,
    endpointName: options.endpointName,
  });
}

/** A frame as the client received it. */
export type Frame = string | Buffer;

/** The client end of an accepted socket: frames in arrival order and the close. */
export class Peer {
  readonly ws: WebSocket;
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  #read = 0;
  #waiters: Array<() => void> = [];

  constructor(ws: WebSocket) {
    this.ws = ws;
    ws.on("message", (data, isBinary) => {
      const frame = isBinary ? Buffer.from(data as Buffer) : (data as Buffer).toString();
      this.frames.push(frame);
      this.#wake();
    });
    this.closed = new Promise((resolve) => {
      ws.once("close", (code, reason) => {
        resolve({ code, reason: reason.toString() });
        this.#wake();
      });
    });
    ws.on("error", () => undefined);
  }

  #wake(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const wake of waiters) wake();
  }

  /** The next frame not read yet; rejects if the socket closes first. */
  async next(): Promise<Frame> {
    for (;;) {
      if (this.#read < this.frames.length) return this.frames[this.#read++] as Frame;
      if (this.ws.readyState === WebSocket.CLOSED)
        throw new Error("socket closed before the next frame");
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** The next frame parsed as JSON. */
  async nextJson(): Promise<Record<string, unknown>> {
    const frame = await this.next();
    return JSON.parse(frame.toString()) as Record<string, unknown>;
  }

  /** Reads frames until `stop` matches one (inclusive). */
  async until(stop: (frame: Frame) => boolean): Promise<Frame[]> {
    const out: Frame[] = [];
    for (;;) {
      const frame = await this.next();
      out.push(frame);
      if (stop(frame)) return out;
    }
  }

  send(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** Sends a frame and waits for one back. */
  async roundTrip(data: string): Promise<Frame> {
    this.send(data);
    return this.next();
  }
}

/** What an upgrade attempt came to. */
export type Attempt =
  | { ok: true; peer: Peer; protocol: string }
  | {
      ok: false;
      status: number;
      body: Record<string, unknown>;
      headers: Record<string, string | string[] | undefined>;
    };

/** Opens a WebSocket and reports whether the emulator upgraded it, or the HTTP refusal. */
export function connect(
  url: string,
  options: { protocols?: string[]; headers?: Record<string, string> } = {},
): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options.protocols ?? [], { headers: options.headers });
    const peer = new Peer(ws);
    ws.once("open", () => resolve({ ok: true, peer, protocol: ws.protocol }));
    ws.once("unexpected-response", (request, response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        request.destroy();
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(Buffer.concat(chunks).toString()) as Record<string, unknown>;
        } catch {
          body = { raw: Buffer.concat(chunks).toString() };
        }
        resolve({ ok: false, status: response.statusCode ?? 0, body, headers: response.headers });
      });
    });
    ws.once("error", (error) => reject(error));
  });
}

/** Opens a socket that must be accepted. */
export async function open(
  url: string,
  options: { protocols?: string[]; headers?: Record<string, string> } = {},
): Promise<Peer> {
  const attempt = await connect(url, options);
  if (!attempt.ok)
    throw new Error(
      `expected an upgrade, got HTTP ${attempt.status}: ${JSON.stringify(attempt.body)}`,
    );
  return attempt.peer;
}

/** The HTTP status of an upgrade attempt that must be refused. */
export async function refusedWith(
  url: string,
  options: { protocols?: string[]; headers?: Record<string, string> } = {},
): Promise<number> {
  const attempt = await connect(url, options);
  if (attempt.ok) {
    attempt.peer.ws.terminate();
    throw new Error("expected the upgrade to be refused, but it was accepted");
  }
  return attempt.status;
}

/** Waits (without a time bound of its own) until `check` passes, yielding to I/O between tries. */
export async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setImmediate(resolve));
}
