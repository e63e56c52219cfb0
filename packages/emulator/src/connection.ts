import type { RawData, WebSocket } from "ws";
import { TrackedTimers, type EmulatorTimers } from "./clock";
import { closeReason, isSendableCloseCode } from "./close-codes";
import type { AgentContext, AgentFrame, AgentHandler, AgentSocket } from "./agent-types";
import type { CloseCause, EventLog } from "./events";
import type { FaultTarget, FrameVerdict } from "./fault-types";
import type { FaultController } from "./faults";
import { EmulatorOptionsError } from "./options-error";
import type { EmulatorSession } from "./sessions";

/** Per-stream limits, like the service's. */
export interface ConnectionLimits {
  idleTimeoutMs: number;
  maxStreamMs: number;
  idleCloseCode: number;
  maxStreamCloseCode: number;
}

/** @internal what a connection needs from the emulator. */
export interface ConnectionInit {
  id: number;
  ws: WebSocket;
  session: EmulatorSession;
  runtimeArn: string;
  qualifier: string | undefined;
  limits: ConnectionLimits;
  faults: FaultController;
  events: EventLog;
  clock: () => number;
  timers: EmulatorTimers;
  onClosed: (connection: EmulatorConnection) => void;
}

type MessageListener = (data: AgentFrame, isBinary: boolean) => void | Promise<void>;
type CloseListener = (code: number, reason: string) => void;

/**
 * @internal One accepted WebSocket: enforces the idle timeout and the stream lifetime, keeps
 * the session transcript, applies frame faults, and runs the agent with errors contained.
 */
export class EmulatorConnection implements FaultTarget {
  readonly id: number;
  readonly session: EmulatorSession;
  readonly #init: ConnectionInit;
  readonly #ws: WebSocket;
  readonly #timers: TrackedTimers;
  readonly #abort = new AbortController();
  readonly #messageListeners = new Set<MessageListener>();
  readonly #closeListeners = new Set<CloseListener>();
  #ending = false;
  #cause: CloseCause | undefined;
  #sentCode: number | undefined;
  #sentReason = "";
  #error: string | undefined;
  #idleTimer: unknown;

  constructor(init: ConnectionInit) {
    this.#init = init;
    this.id = init.id;
    this.session = init.session;
    this.#ws = init.ws;
    this.#timers = new TrackedTimers(init.timers);
    this.session.connections += 1;
    this.session.openSockets += 1;
    this.#ws.on("message", (data, isBinary) => this.#onMessage(data, isBinary));
    this.#ws.on("error", (error: Error & { code?: string }) => {
      if (error.code === "WS_ERR_UNSUPPORTED_MESSAGE_LENGTH") this.#mark("frame-too-big", 1009);
    });
    this.#ws.on("close", (code, reason) => this.#onClose(code, reason.toString()));
    this.#touch();
    this.#timers.setTimeout(
      () =>
        this.close(
          init.limits.maxStreamCloseCode,
          "Maximum stream duration reached",
          "max-stream-duration",
        ),
      init.limits.maxStreamMs,
    );
  }

  /** True until the connection starts closing. */
  get isOpen(): boolean {
    return !this.#ending;
  }

  /** Hands the socket to the agent. */
  start(agent: AgentHandler): void {
    const context: AgentContext = {
      sessionId: this.session.id,
      runtimeArn: this.#init.runtimeArn,
      qualifier: this.#init.qualifier,
      session: this.session,
      connectionId: this.id,
      now: this.#init.clock,
      timers: this.#timers,
      sleep: (ms) => this.#timers.sleep(ms, this.#abort.signal),
    };
    this.#guard(() => agent(this.#agentSocket(), context));
  }

  /** Terminates the TCP connection without a close frame (the client sees 1006). */
  drop(cause: CloseCause): void {
    if (this.#mark(cause, undefined)) this.#ws.terminate();
  }

  /** Terminates the TCP connection even when a closing handshake is under way. */
  terminate(cause: CloseCause): void {
    this.#mark(cause, undefined);
    this.#ws.terminate();
  }

  /** Starts the closing handshake with `code`. */
  close(code: number, reason: string, cause: CloseCause): void {
    if (!this.#mark(cause, code)) return;
    this.#sentReason = closeReason(reason);
    this.#ws.close(code, this.#sentReason);
  }

  #mark(cause: CloseCause, code: number | undefined): boolean {
    if (this.#ending) return false;
    this.#ending = true;
    this.#cause = cause;
    this.#sentCode = code;
    this.#abort.abort();
    return true;
  }

  #agentSocket(): AgentSocket {
    const isOpen = () => this.isOpen;
    return {
      connectionId: this.id,
      get isOpen() {
        return isOpen();
      },
      signal: this.#abort.signal,
      send: (data) => this.#send(data),
      sendJson: (value) => this.#send(JSON.stringify(value)),
      close: (code = 1000, reason = "") => {
        if (!isSendableCloseCode(code))
          throw new EmulatorOptionsError(`${code} is not a close code a server can send`);
        this.close(code, reason, "agent");
      },
      on: (...[event, listener]: ["message", MessageListener] | ["close", CloseListener]) => {
        if (event === "message") return this.#listen(this.#messageListeners, listener);
        return this.#listen(this.#closeListeners, listener);
      },
    };
  }

  #listen<T>(listeners: Set<T>, listener: T): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  #send(data: AgentFrame): boolean {
    if (this.#ending) return false;
    if (typeof data !== "string" && !(data instanceof Uint8Array)) {
      throw new EmulatorOptionsError("An agent can send a string or a Uint8Array");
    }
    const copy = typeof data === "string" ? data : new Uint8Array(data);
    this.session.sent.push({ connectionId: this.id, at: this.#init.clock(), data: copy });
    this.#touch();
    const verdict = this.#init.faults.onFrame(this, "out");
    if (verdict.action === "drop") {
      // The frame that trips the fault is the last one the client gets: drop once it is written.
      this.#mark("fault-drop", undefined);
      this.#ws.send(copy, { binary: typeof copy !== "string" }, () => this.#ws.terminate());
      return true;
    }
    this.#ws.send(copy, { binary: typeof copy !== "string" });
    if (verdict.action === "close") this.#applyVerdict(verdict);
    return true;
  }

  #onMessage(raw: RawData, isBinary: boolean): void {
    const bytes = toBytes(raw);
    const data: AgentFrame = isBinary ? new Uint8Array(bytes) : bytes.toString();
    this.session.received.push({ connectionId: this.id, at: this.#init.clock(), data });
    if (this.#ending) return;
    this.#touch();
    const verdict = this.#init.faults.onFrame(this, "in");
    if (verdict.action !== "pass") {
      this.#applyVerdict(verdict);
      return;
    }
    for (const listener of [...this.#messageListeners]) {
      this.#guard(() => listener(data, isBinary));
      if (this.#ending) break;
    }
  }

  #applyVerdict(verdict: Exclude<FrameVerdict, { action: "pass" }>): void {
    if (verdict.action === "drop") this.drop("fault-drop");
    else this.close(verdict.code, verdict.reason, "fault-close");
  }

  /** Runs agent code; a throw or a rejection closes the socket with 1011. */
  #guard(run: () => unknown): void {
    const failed = (error: unknown) => {
      if (this.#ending) return;
      this.#error = error instanceof Error ? error.message : String(error);
      this.close(1011, "Internal server error", "agent-error");
    };
    try {
      const result = run();
      if (isThenable(result)) result.then(undefined, failed);
    } catch (error) {
      failed(error);
    }
  }

  #touch(): void {
    if (this.#idleTimer !== undefined) this.#timers.clearTimeout(this.#idleTimer);
    this.#idleTimer = this.#timers.setTimeout(
      () => this.close(this.#init.limits.idleCloseCode, "Idle timeout", "idle-timeout"),
      this.#init.limits.idleTimeoutMs,
    );
  }

  #onClose(code: number, reason: string): void {
    if (!this.#ending) {
      this.#ending = true;
      this.#cause = "client";
    }
    this.#abort.abort();
    this.#timers.clearAll();
    this.session.openSockets -= 1;
    this.#init.events.record({
      type: "close",
      at: this.#init.clock(),
      connectionId: this.id,
      sessionId: this.session.id,
      code: this.#sentCode ?? code,
      reason: this.#sentCode === undefined ? reason : this.#sentReason,
      cause: this.#cause ?? "client",
      ...(this.#error !== undefined ? { error: this.#error } : {}),
    });
    for (const listener of [...this.#closeListeners]) {
      try {
        listener(this.#sentCode ?? code, reason);
      } catch {
        // The socket is gone; an agent's close listener has nobody left to fail to.
      }
    }
    this.#init.onClosed(this);
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  return "then" in value && typeof value.then === "function";
}

function toBytes(raw: RawData): Buffer {
  if (Array.isArray(raw)) return Buffer.concat(raw);
  return Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
}
