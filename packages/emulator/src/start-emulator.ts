import { createServer, type IncomingMessage, type Server } from "node:http";
import { WebSocketServer } from "ws";
import { resolveAgent } from "./agents";
import type { AuthConfig } from "./auth-types";
import { TrackedTimers, systemTimers, toClock } from "./clock";
import { ConnectionRegistry } from "./connection-registry";
import type { ControlContext } from "./control-api";
import { credentialLookup } from "./credentials";
import {
  faultsFromOptions,
  resolveOptions,
  type EmulatorOptions,
  type ResolvedOptions,
} from "./emulator-options";
import { emulatorHandle, type Emulator } from "./emulator-handle";
import { EventLog, describeEvent } from "./events";
import type { FaultController } from "./faults";
import { Forwarder } from "./forward/forwarder";
import { pingAgent } from "./forward/ping";
import { answerHttpRequest } from "./http-request";
import { EmulatorStartError, listenOn } from "./listen";
import { SessionStore } from "./sessions";
import { UpgradeHandler } from "./upgrade-handler";
import { DEFAULT_SKEW_MS, MAX_PRESIGNED_EXPIRES_SECONDS } from "./verify-presigned-url";

/** How long a shutdown waits for closing handshakes before it terminates the streams. */
const SHUTDOWN_GRACE_MS = 1000;

/**
 * Starts a local stand-in for the AgentCore Runtime WebSocket endpoint: `GET
 * /runtimes/{url-encoded ARN}/ws[?qualifier=...]` authenticated like the service (SigV4 query or
 * headers, OAuth bearer header or subprotocol), with its limits, an agent, and fault injection.
 *
 * With `forward`, it stands in front of your agent container instead of running an agent, and
 * first checks that the container answers `GET /ping`.
 *
 * @throws {EmulatorOptionsError} for bad options.
 * @throws {EmulatorStartError} when it cannot listen (e.g. the port is taken), or (code
 *   `AGENT_UNAVAILABLE`) when the `forward` container does not answer its ping.
 */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const resolved = resolveOptions(options);
  if (resolved.forward) {
    const ping = await pingAgent(resolved.forward);
    if (!ping.ok) {
      const message = `No agent container answers at ${resolved.forward.origin}: ${ping.reason}. Start it first (it must serve GET /ping and the WebSocket /ws), or point forward at it.`;
      throw new EmulatorStartError(message, "AGENT_UNAVAILABLE");
    }
  }
  const server = new EmulatorServer(resolved);
  return server.listen();
}

/** One emulator: its HTTP server, WebSocket server, state and the wiring between them. */
class EmulatorServer {
  readonly #resolved: ResolvedOptions;
  readonly #events: EventLog;
  readonly #sessions = new SessionStore();
  readonly #timers: TrackedTimers;
  readonly #faults: FaultController;
  readonly #clock: () => number;
  readonly #registry: ConnectionRegistry;
  readonly #upgrades: UpgradeHandler;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #shutdown = new AbortController();
  #closing: Promise<void> | undefined;

  constructor(resolved: ResolvedOptions) {
    const { options, region, limits } = resolved;
    this.#resolved = resolved;
    this.#events = new EventLog(options.maxEvents);
    this.#timers = new TrackedTimers(options.timers ?? systemTimers);
    const baseClock = toClock(options.now);
    this.#faults = faultsFromOptions({
      options: options.faults,
      clockSkewMs: options.clockSkewMs,
      targets: () => this.#registry.connections(),
      now: () => this.#clock(),
    });
    this.#clock = () => baseClock() + this.#faults.clockSkewMs;
    if (options.log) {
      const log = options.log;
      this.#events.subscribe((event) => log(describeEvent(event)));
    }
    this.#registry = new ConnectionRegistry({
      agent: resolveAgent(options.agent),
      sessions: this.#sessions,
      events: this.#events,
      faults: this.#faults,
      clock: this.#clock,
      timers: this.#timers,
      limits,
    });
    this.#wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      maxPayload: limits.maxFrameBytes,
      perMessageDeflate: false,
      handleProtocols: (_offered, request) => this.#upgrades.protocolFor(request),
    });
    this.#upgrades = new UpgradeHandler({
      region,
      auth: this.#authConfig(),
      events: this.#events,
      faults: this.#faults,
      clock: this.#clock,
      timers: this.#timers,
      wss: this.#wss,
      registry: this.#registry,
      shutdown: this.#shutdown.signal,
      forwarder: resolved.forward && new Forwarder(resolved.forward),
    });
    this.#http = createServer((req, res) => void answerHttpRequest(req, res, this.#control(req)));
    this.#http.on("upgrade", (req, socket, head) => this.#upgrades.onUpgrade(req, socket, head));
  }

  /** Starts listening; the handle of the running emulator. */
  async listen(): Promise<Emulator> {
    const { host, region } = this.#resolved;
    let port: number;
    try {
      port = await listenOn(this.#http, this.#resolved.port, host);
    } catch (error) {
      this.#timers.clearAll();
      throw error;
    }
    return emulatorHandle({
      host,
      port,
      region,
      forwardedTo: this.#resolved.forward?.origin,
      faults: this.#faults,
      events: this.#events,
      sessions: this.#sessions.map,
      registry: this.#registry,
      clock: this.#clock,
      close: () => this.close(),
    });
  }

  /** How upgrades authenticate: SigV4 with the credentials, bearer tokens, and the expiry fault. */
  #authConfig(): AuthConfig {
    const { options, region } = this.#resolved;
    const skewMs = options.signatureSkewMs ?? DEFAULT_SKEW_MS;
    const lookup = options.credentials ? credentialLookup(options.credentials) : undefined;
    const now = this.#clock;
    return {
      presigned: lookup && {
        lookup,
        now,
        region,
        skewMs,
        maxExpiresSeconds: MAX_PRESIGNED_EXPIRES_SECONDS,
        queryEncoding: "service",
      },
      headers: lookup && { lookup, now, region, skewMs, queryEncoding: "service" },
      bearer: options.bearerTokens,
      issuedBefore: () => this.#faults.issuedBefore,
    };
  }

  /** What the control endpoint reads and drives, for one request. */
  #control(req: IncomingMessage): ControlContext {
    return {
      faults: this.#faults,
      events: this.#events,
      sessions: this.#sessions,
      clock: this.#clock,
      allowedOrigins: this.#resolved.options.controlOrigins ?? [],
      info: () => ({
        url: `ws://${req.headers.host ?? ""}`,
        region: this.#resolved.region,
        openConnections: this.#registry.size,
        seed: this.#faults.seed,
      }),
    };
  }

  close(): Promise<void> {
    this.#closing ??= this.#shutdownNow();
    return this.#closing;
  }

  async #shutdownNow(): Promise<void> {
    this.#shutdown.abort();
    this.#upgrades.destroyPending();
    await this.#registry.closeAll(SHUTDOWN_GRACE_MS);
    this.#wss.close();
    await new Promise<void>((resolve) => {
      this.#http.close(() => resolve());
      this.#http.closeAllConnections();
    });
    this.#timers.clearAll();
  }
}
