import type { ConnectionRegistry } from "./connection-registry";
import type { EmulatorEvent, EventLog, UpgradeEvent, WaitForOptions } from "./events";
import type { FaultController } from "./faults";
import type { EmulatorSession } from "./sessions";

/** A running emulator. */
export interface Emulator {
  /** `ws://127.0.0.1:PORT`: use it as the `endpoint` of an `AgentRuntimeClient`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`: the base of the control endpoint (`/__emulator/...`). */
  readonly httpUrl: string;
  readonly port: number;
  readonly host: string;
  readonly region: string;
  /** The agent container it forwards to (`forward`), e.g. `http://127.0.0.1:8080`. */
  readonly forwardedTo: string | undefined;
  /** Runtime fault control. */
  readonly faults: FaultController;
  /** Every upgrade attempt and closed connection, oldest first. */
  readonly events: readonly EmulatorEvent[];
  /** Only the upgrade attempts. */
  readonly upgrades: readonly UpgradeEvent[];
  /** The `seq` of the latest event (0 before any): mark a point, then `waitForEvent(..., { afterSeq })`. */
  readonly lastSeq: number;
  /** Sessions by runtime session id, with state and transcripts. */
  readonly sessions: ReadonlyMap<string, EmulatorSession>;
  /** How many connections are open. */
  readonly openConnections: number;
  /** The emulator clock (epoch ms, skew included). */
  now(): number;
  /** The unsigned `ws://` URL of a runtime's stream on this emulator. */
  runtimeUrl(runtimeArn: string, qualifier?: string): string;
  /** Calls `listener` for every new event; returns a function that stops it. */
  onEvent(listener: (event: EmulatorEvent) => void): () => void;
  /**
   * The first event (already recorded or still to come) that matches. With a type guard, e.g.
   * `(event): event is CloseEvent => event.type === "close"`, it resolves with that type.
   */
  waitForEvent<T extends EmulatorEvent>(
    predicate: (event: EmulatorEvent) => event is T,
    options?: WaitForOptions,
  ): Promise<T>;
  waitForEvent(
    predicate: (event: EmulatorEvent) => boolean,
    options?: WaitForOptions,
  ): Promise<EmulatorEvent>;
  /** Closes every stream (1001), stops listening and cancels every timer. */
  close(): Promise<void>;
}

/** The parts of a started emulator its handle reads. */
export interface HandleParts {
  host: string;
  port: number;
  region: string;
  forwardedTo: string | undefined;
  faults: FaultController;
  events: EventLog;
  sessions: ReadonlyMap<string, EmulatorSession>;
  registry: ConnectionRegistry;
  clock: () => number;
  close: () => Promise<void>;
}

/** The {@link Emulator} a caller gets from `startEmulator`. */
export function emulatorHandle(parts: HandleParts): Emulator {
  const { events, registry } = parts;
  const hostForUrl = parts.host.includes(":") ? `[${parts.host}]` : parts.host;
  const url = `ws://${hostForUrl}:${parts.port}`;
  return {
    url,
    httpUrl: `http://${hostForUrl}:${parts.port}`,
    port: parts.port,
    host: parts.host,
    region: parts.region,
    forwardedTo: parts.forwardedTo,
    faults: parts.faults,
    get events() {
      return events.events;
    },
    get upgrades() {
      return events.events.filter((event): event is UpgradeEvent => event.type === "upgrade");
    },
    get lastSeq() {
      return events.lastSeq;
    },
    sessions: parts.sessions,
    get openConnections() {
      return registry.size;
    },
    now: () => parts.clock(),
    runtimeUrl: (runtimeArn, qualifier) =>
      `${url}/runtimes/${encodeURIComponent(runtimeArn)}/ws${qualifier ? `?qualifier=${encodeURIComponent(qualifier)}` : ""}`,
    onEvent: (listener) => events.subscribe(listener),
    waitForEvent: events.waitFor.bind(events),
    close: parts.close,
  };
}
