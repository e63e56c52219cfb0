import { vi } from "vitest";
import { Server, WebSocket as MockWebSocket, type Client } from "mock-socket";
import type { PresignedConnection, UrlProviderContext } from "../../providers/types";
import { AgentRuntimeConnection } from "../agent-runtime-connection";
import type {
  ConnectionOptions,
  ConnectionStatus,
  OnlineSource,
  WebSocketConstructor,
} from "../types";

/** Where the mock agent runtime listens (mock-socket matches URLs without their query). */
export const SERVER_URL = "ws://agent.test/ws";

/** One `new WebSocket(...)` the connection made. */
export interface SocketCall {
  url: string;
  protocols: string | string[] | undefined;
  /** `Date.now()` when the constructor ran. */
  at: number;
  socket: MockWebSocket;
}

/** A mock-socket WebSocket class that records every construction. */
export function recordingWebSocket(): { WebSocket: WebSocketConstructor; calls: SocketCall[] } {
  const calls: SocketCall[] = [];
  class RecordingWebSocket extends MockWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      calls.push({ url: String(url), protocols, at: Date.now(), socket: this });
    }
  }
  return { WebSocket: RecordingWebSocket, calls };
}

/** A mock agent runtime that records every frame it receives, per connection. */
export interface MockRuntime {
  server: Server;
  /** Every frame received, across connections, in order. */
  received: string[];
  /** Server-side ends of the connections, in order of arrival. */
  clients: Client[];
  /** The most recent connection. */
  latest(): Client;
  /** Connections currently open on the server side. */
  openCount(): number;
  stop(): Promise<void>;
}

/** Starts a {@link MockRuntime} listening at `url`. */
export function startMockRuntime(url = SERVER_URL): MockRuntime {
  const server = new Server(url);
  const received: string[] = [];
  const clients: Client[] = [];
  const open = new Set<Client>();
  server.on("connection", (client) => {
    clients.push(client);
    open.add(client);
    client.on("message", (data) => received.push(String(data)));
    client.on("close", () => open.delete(client));
  });
  return {
    server,
    received,
    clients,
    latest() {
      const client = clients.at(-1);
      if (!client) throw new Error("no connection yet");
      return client;
    },
    openCount: () => open.size,
    stop: () => new Promise<void>((resolve) => server.stop(resolve)),
  };
}

/** The moment every connection test starts at, by the fake clock. */
export const TEST_START = new Date("2030-01-01T00:00:00Z");

/**
 * The `beforeEach` of the connection tests: fake timers from {@link TEST_START}, then a fresh
 * mock agent runtime. Pair it with {@link stopFakeClockAndRuntime} in `afterEach`.
 */
export function startFakeClockAndRuntime(): MockRuntime {
  vi.useFakeTimers({ now: TEST_START });
  return startMockRuntime();
}

/**
 * The `afterEach` of the connection tests: stops `runtime` (pass the current one: a test may
 * have replaced it) and restores real timers.
 */
export async function stopFakeClockAndRuntime(runtime: MockRuntime): Promise<void> {
  await runtime.stop();
  vi.useRealTimers();
}

/** What a scripted provider does on one call. */
export type ProviderStep =
  | {
      kind: "ok";
      lifetimeMs?: number;
      issuedAtSkewMs?: number;
      sessionId?: string;
      protocols?: string[];
      /** Answer this long after being asked (by the fake clock). */
      delayMs?: number;
    }
  | { kind: "fail"; error?: Error }
  | { kind: "hang" };

/** A presigned URL handed out, and when it expires by the provider's clock. */
export interface IssuedUrl {
  url: string;
  expiresAt: number;
  /** The expiry moved onto the local clock (what the connection must respect). */
  localExpiresAt: number;
}

/**
 * A URL provider for tests. Each call takes the next scripted step (the last one repeats);
 * `ok` answers a unique URL valid for `lifetimeMs` (default 300 s). `issuedAtSkewMs` simulates
 * a minting clock that far ahead of ours (it reports `issuedAt` and `expiresAt` by its clock).
 */
export function scriptedProvider(steps: ProviderStep[] = [{ kind: "ok" }]) {
  const calls: UrlProviderContext[] = [];
  const issued: IssuedUrl[] = [];
  let serial = 0;
  const script = [...steps];
  const provider = async (context: UrlProviderContext): Promise<PresignedConnection> => {
    calls.push(context);
    const step = script.length > 1 ? script.shift()! : script[0]!;
    if (step.kind === "fail") throw step.error ?? new Error("provider unavailable");
    if (step.kind === "hang") {
      return new Promise<PresignedConnection>((_resolve, reject) => {
        context.signal.addEventListener("abort", () => reject(new Error("aborted")));
      });
    }
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    serial += 1;
    const skew = step.issuedAtSkewMs;
    const localNow = Date.now();
    const mintNow = localNow + (skew ?? 0);
    const lifetime = step.lifetimeMs ?? 300_000;
    const url = `${SERVER_URL}?n=${serial}`;
    const expiresAt = mintNow + lifetime;
    issued.push({ url, expiresAt, localExpiresAt: localNow + lifetime });
    return {
      url,
      expiresAt,
      sessionId: step.sessionId ?? context.sessionId,
      ...(skew === undefined ? {} : { issuedAt: mintNow }),
      ...(step.protocols ? { protocols: step.protocols } : {}),
    };
  };
  return {
    provider,
    calls,
    issued,
    /** Replaces the script from the next call on. */
    script(next: ProviderStep[]) {
      script.splice(0, script.length, ...next);
    },
  };
}

/** A socket whose handshake never completes (a black hole): it stays connecting until closed. */
export interface StalledSocket {
  readonly readyState: number;
  /** Whether the code under test called `close()` on it. */
  readonly closed: boolean;
}

/** A WebSocket class whose sockets never open, and every socket it made, in order. */
export function stalledWebSocket(): { WebSocket: WebSocketConstructor; made: StalledSocket[] } {
  const made: StalledSocket[] = [];
  class Stalled {
    readyState = 0;
    binaryType = "blob";
    onopen = null;
    onmessage = null;
    onclose = null;
    onerror = null;
    constructor() {
      made.push(this);
    }
    get closed(): boolean {
      return this.readyState === 3;
    }
    send(): void {
      throw new Error("send() on a socket that is not open");
    }
    close(): void {
      this.readyState = 3;
    }
  }
  return { WebSocket: Stalled, made };
}

/** An online source the test flips by hand. */
export function manualOnlineSource(initial = true) {
  let online = initial;
  const listeners = new Set<(online: boolean) => void>();
  const source: OnlineSource = {
    isOnline: () => online,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    source,
    set(next: boolean) {
      online = next;
      for (const listener of [...listeners]) listener(next);
    },
    listenerCount: () => listeners.size,
  };
}

/** Lets mock-socket deliver (it delays every event by 4 ms) and pending microtasks run. */
export async function settle(ms = 10): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/**
 * A connection wired to a recording WebSocket, a scripted provider and a manual online source,
 * with full jitter pinned to the middle (`random: 0.5`); `statuses` lists every status it
 * went through, without repeats.
 */
export function connectionUnderTest(
  setup: { steps?: ProviderStep[]; options?: Partial<ConnectionOptions>; online?: boolean } = {},
) {
  const sockets = recordingWebSocket();
  const provider = scriptedProvider(setup.steps);
  const online = manualOnlineSource(setup.online ?? true);
  const connection = new AgentRuntimeConnection({
    urlProvider: provider.provider,
    WebSocket: sockets.WebSocket,
    onlineSource: online.source,
    retry: { random: () => 0.5 },
    ...setup.options,
  });
  const statuses: ConnectionStatus[] = [];
  connection.subscribe(() => {
    const { status } = connection.getSnapshot();
    if (statuses.at(-1) !== status) statuses.push(status);
  });
  return { connection, sockets, provider, online, statuses };
}
