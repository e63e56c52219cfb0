import type { WebSocket } from "ws";
import type { AgentHandler } from "./agent-types";
import type { TrackedTimers } from "./clock";
import { EmulatorConnection, type ConnectionLimits } from "./connection";
import type { EventLog, UpgradeEvent } from "./events";
import type { FaultController } from "./faults";
import type { SessionStore } from "./sessions";

/** What the registry needs to run connections. */
export interface RegistryInit {
  agent: AgentHandler;
  sessions: SessionStore;
  events: EventLog;
  faults: FaultController;
  clock: () => number;
  timers: TrackedTimers;
  limits: ConnectionLimits;
}

/** Where an accepted connection goes: its runtime, session and endpoint. */
export interface AcceptedStream {
  runtimeArn: string;
  sessionId: string;
  qualifier: string | undefined;
}

/**
 * The open connections: it numbers and opens each accepted WebSocket in its session, hands it
 * to the agent, forgets it once closed, and closes them all at shutdown.
 */
export class ConnectionRegistry {
  readonly #init: RegistryInit;
  readonly #open = new Map<EmulatorConnection, Promise<void>>();
  #lastId = 0;

  constructor(init: RegistryInit) {
    this.#init = init;
  }

  /** How many connections are open. */
  get size(): number {
    return this.#open.size;
  }

  /** The open connections. */
  connections(): Iterable<EmulatorConnection> {
    return this.#open.keys();
  }

  /** Records the accepted upgrade and runs the agent (or `agent`, for this one) on it. */
  accept(
    ws: WebSocket,
    stream: AcceptedStream,
    details: Partial<UpgradeEvent>,
    agent: AgentHandler = this.#init.agent,
  ): void {
    const { events, sessions, clock, faults, timers, limits } = this.#init;
    this.#lastId += 1;
    const id = this.#lastId;
    events.record({
      type: "upgrade",
      at: clock(),
      outcome: "accepted",
      status: 101,
      auth: "none",
      ...details,
      connectionId: id,
    });
    const session = sessions.open(stream.sessionId, stream.runtimeArn, stream.qualifier);
    let resolveClosed!: () => void;
    const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
    const connection = new EmulatorConnection({
      id,
      ws,
      session,
      runtimeArn: stream.runtimeArn,
      qualifier: stream.qualifier,
      limits,
      faults,
      events,
      clock,
      timers,
      onClosed: (done) => {
        this.#open.delete(done);
        resolveClosed();
      },
    });
    this.#open.set(connection, closed);
    connection.start(agent);
  }

  /**
   * Closes every connection with 1001, waits up to `graceMs` (real time) for the closing
   * handshakes, then terminates the ones still open, and resolves once all have closed.
   */
  async closeAll(graceMs: number): Promise<void> {
    const open = [...this.#open];
    const allClosed = Promise.all(open.map(([, closed]) => closed));
    for (const [connection] of open) connection.close(1001, "Emulator shutting down", "shutdown");
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const graceOver = new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, graceMs)));
    await Promise.race([allClosed, graceOver]);
    clearTimeout(graceTimer);
    for (const connection of this.#open.keys()) connection.terminate("shutdown");
    await allClosed;
  }
}
