/** How a handshake authenticated. */
export type AuthMode =
  "sigv4-query" | "sigv4-header" | "bearer-header" | "bearer-subprotocol" | "none";

/** One WebSocket upgrade attempt and what the emulator decided. */
export interface UpgradeEvent {
  type: "upgrade";
  /** Sequence number across all events of this emulator. */
  seq: number;
  /** Emulator clock (epoch ms, skew included) when the attempt was decided. */
  at: number;
  outcome: "accepted" | "refused";
  /** 101 when accepted, else the HTTP status of the refusal. */
  status: number;
  /** Why it was refused (never contains a signature, token or secret). */
  reason?: string;
  /** A machine-readable cause, e.g. `expired`, `signature-mismatch`, `fault`. */
  code?: string;
  auth: AuthMode;
  /** The connection id, when accepted. */
  connectionId?: number;
  runtimeArn?: string;
  qualifier?: string;
  sessionId?: string;
  accessKeyId?: string;
  /** Epoch ms of the signature's `X-Amz-Date` (SigV4 only). */
  signedAt?: number;
  /** Epoch ms after which the URL is refused (`X-Amz-Date` + `X-Amz-Expires`; SigV4 only). */
  expiresAt?: number;
  /** The subprotocol the emulator echoed, when it echoed one. */
  protocol?: string;
}

/** What ended a connection. */
export type CloseCause =
  | "client"
  | "agent"
  | "agent-error"
  | "frame-too-big"
  | "idle-timeout"
  | "max-stream-duration"
  | "fault-drop"
  | "fault-close"
  | "shutdown";

/** A connection that ended. */
export interface CloseEvent {
  type: "close";
  seq: number;
  at: number;
  connectionId: number;
  sessionId: string;
  /** The close code: the one the emulator sent, or the client's, or 1006 without a handshake. */
  code: number;
  reason: string;
  cause: CloseCause;
  /** The agent's error message, for `agent-error`. */
  error?: string;
}

/** Everything the emulator records, in order. */
export type EmulatorEvent = UpgradeEvent | CloseEvent;

/** An event before the log numbers it. */
export type NewEvent = Omit<UpgradeEvent, "seq"> | Omit<CloseEvent, "seq">;

/** Options of {@link EventLog.waitFor}. */
export interface WaitForOptions {
  /** Give up after this long (real time), rejecting. Default 10 000. */
  timeoutMs?: number;
  /** Only consider events with a `seq` above this. Default: all, including past ones. */
  afterSeq?: number;
}

/**
 * An append-only record of upgrade attempts and closed connections, with listeners, so tests
 * and the demo can assert what happened (e.g. that an expired URL was never used).
 */
export class EventLog {
  readonly #events: EmulatorEvent[] = [];
  readonly #listeners = new Set<(event: EmulatorEvent) => void>();
  readonly #limit: number;
  #seq = 0;

  constructor(limit = 10_000) {
    this.#limit = limit;
  }

  /** Every recorded event, oldest first (the oldest are dropped beyond the limit). */
  get events(): readonly EmulatorEvent[] {
    return this.#events;
  }

  /** The sequence number of the last event (0 before any). */
  get lastSeq(): number {
    return this.#seq;
  }

  record(event: NewEvent): EmulatorEvent {
    this.#seq += 1;
    const full: EmulatorEvent = { ...event, seq: this.#seq };
    this.#events.push(full);
    if (this.#events.length > this.#limit) this.#events.shift();
    for (const listener of [...this.#listeners]) listener(full);
    return full;
  }

  /** Calls `listener` for every new event; returns a function that stops it. */
  subscribe(listener: (event: EmulatorEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The first event (past or future) that matches. */
  waitFor<T extends EmulatorEvent>(
    predicate: (event: EmulatorEvent) => event is T,
    options?: WaitForOptions,
  ): Promise<T>;
  waitFor(
    predicate: (event: EmulatorEvent) => boolean,
    options?: WaitForOptions,
  ): Promise<EmulatorEvent>;
  waitFor(
    predicate: (event: EmulatorEvent) => boolean,
    options: WaitForOptions = {},
  ): Promise<EmulatorEvent> {
    const afterSeq = options.afterSeq ?? 0;
    const past = this.#events.find((event) => event.seq > afterSeq && predicate(event));
    if (past) return Promise.resolve(past);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error(`No matching emulator event within ${options.timeoutMs ?? 10_000} ms`));
      }, options.timeoutMs ?? 10_000);
      const stop = this.subscribe((event) => {
        if (event.seq <= afterSeq || !predicate(event)) return;
        clearTimeout(timer);
        stop();
        resolve(event);
      });
    });
  }

  clear(): void {
    this.#events.length = 0;
  }
}

/** A one-line, secret-free description of an event, for the `log` option and the CLI. */
export function describeEvent(event: EmulatorEvent): string {
  const time = new Date(event.at).toISOString();
  if (event.type === "close") {
    return `${time} close   #${event.connectionId} session=${event.sessionId} code=${event.code} cause=${event.cause}${event.error ? ` error=${JSON.stringify(event.error)}` : ""}`;
  }
  const parts = [`${time} upgrade ${event.outcome} ${event.status}`, `auth=${event.auth}`];
  if (event.connectionId !== undefined) parts.push(`#${event.connectionId}`);
  if (event.sessionId !== undefined) parts.push(`session=${event.sessionId}`);
  if (event.signedAt !== undefined) parts.push(`signed=${new Date(event.signedAt).toISOString()}`);
  if (event.expiresAt !== undefined)
    parts.push(`expires=${new Date(event.expiresAt).toISOString()}`);
  if (event.reason) parts.push(`reason=${JSON.stringify(event.reason)}`);
  return parts.join(" ");
}
