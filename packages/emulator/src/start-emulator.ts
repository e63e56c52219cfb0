import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { AgentHandler } from "./agent-types";
import { resolveAgent, type AgentOption } from "./agents";
import { authenticate, type AuthConfig } from "./authenticate";
import type { BearerTokensOption } from "./bearer-auth";
import { TrackedTimers, systemTimers, toClock, type EmulatorTimers, type TimeInput } from "./clock";
import { isSendableCloseCode } from "./close-codes";
import { EmulatorConnection, type ConnectionLimits } from "./connection";
import { CONTROL_PREFIX, handleControl } from "./control-api";
import { credentialLookup, type CredentialsInput } from "./credentials";
import {
  EventLog,
  describeEvent,
  type EmulatorEvent,
  type UpgradeEvent,
  type WaitForOptions,
} from "./events";
import { FaultCommandError, FaultController, type FaultOptions } from "./faults";
import { refuseUpgrade } from "./http-refusal";
import { EmulatorOptionsError } from "./options-error";
import { splitRequestTarget } from "./raw-url";
import { parseRuntimePath } from "./runtime-path";
import { SessionStore, type EmulatorSession } from "./sessions";
import { DEFAULT_SKEW_MS, MAX_PRESIGNED_EXPIRES_SECONDS } from "./verify-presigned-url";

/** The service's limits, configurable so tests can use small values. */
export interface EmulatorLimits {
  /** Largest frame from a client, in bytes; a bigger one closes the stream with 1009. Default 32 768. */
  maxFrameBytes?: number;
  /** Close a stream after this long without a data frame either way. Default 900 000 (15 min). */
  idleTimeoutMs?: number;
  /** Close a stream this long after it opened. Default 3 600 000 (60 min). */
  maxStreamMs?: number;
  /** The close code of the idle timeout. Default 1001 (going away). */
  idleCloseCode?: number;
  /** The close code at the end of the stream lifetime. Default 1001 (going away). */
  maxStreamCloseCode?: number;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) lets the OS pick a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. The control endpoint always answers loopback only. */
  host?: string;
  /** The region the emulator serves; signatures must be scoped to it. Default `us-west-2`. */
  region?: string;
  /** Credentials whose SigV4 signatures are accepted. Needed unless only bearer tokens are used. */
  credentials?: CredentialsInput;
  /** OAuth bearer tokens accepted (header or subprotocol), or a function that decides. */
  bearerTokens?: BearerTokensOption;
  /** `echo` (default), `streaming`, `ag-ui`, or your own handler. */
  agent?: AgentOption;
  limits?: EmulatorLimits;
  /** Faults armed from the start (they can be changed at runtime through `emulator.faults`). */
  faults?: FaultOptions;
  /** The emulator's base clock (epoch ms, Date or function). Default `Date.now`. */
  now?: TimeInput;
  /** Run the emulator clock this far ahead of `now` (negative: behind), in ms. Default 0. */
  clockSkewMs?: number;
  /** How far in the future a signature may be dated (and, for header signing, in the past). Default 300 000. */
  signatureSkewMs?: number;
  /** Receives a one-line, secret-free description of every upgrade attempt and close. */
  log?: (line: string) => void;
  /** Timer functions, e.g. manual ones to drive time in tests. Default: the platform's. */
  timers?: EmulatorTimers;
  /** Browser origins besides loopback ones that may call the control endpoint, or `*`. */
  controlOrigins?: readonly string[] | "*";
  /** How many events the log keeps. Default 10 000. */
  maxEvents?: number;
}

/** A running emulator. */
export interface Emulator {
  /** `ws://127.0.0.1:PORT`: use it as the `endpoint` of an `AgentRuntimeClient`. */
  readonly url: string;
  /** `http://127.0.0.1:PORT`: the base of the control endpoint (`/__emulator/...`). */
  readonly httpUrl: string;
  readonly port: number;
  readonly host: string;
  readonly region: string;
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
  /** The first event (already recorded or still to come) that matches. */
  waitForEvent<T extends EmulatorEvent = EmulatorEvent>(
    predicate: (event: EmulatorEvent) => boolean,
    options?: WaitForOptions,
  ): Promise<T>;
  /** Closes every stream (1001), stops listening and cancels every timer. */
  close(): Promise<void>;
}

/** The emulator could not start listening (e.g. `EADDRINUSE`). */
export class EmulatorStartError extends Error {
  override readonly name: string = "EmulatorStartError";
  /** The system error code, e.g. `EADDRINUSE`. */
  readonly code: string | undefined;

  constructor(message: string, code: string | undefined, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

const DEFAULT_LIMITS = {
  maxFrameBytes: 32 * 1024,
  idleTimeoutMs: 15 * 60 * 1000,
  maxStreamMs: 60 * 60 * 1000,
  idleCloseCode: 1001,
  maxStreamCloseCode: 1001,
} as const;

const SESSION_ID_MIN = 33;
const SESSION_ID_MAX = 256;
const SHUTDOWN_GRACE_MS = 1000;

/**
 * Starts a local stand-in for the AgentCore Runtime WebSocket endpoint: `GET
 * /runtimes/{url-encoded ARN}/ws[?qualifier=...]` authenticated like the service (SigV4 query or
 * headers, OAuth bearer header or subprotocol), with its limits, an agent, and fault injection.
 *
 * @throws {EmulatorOptionsError} for bad options.
 * @throws {EmulatorStartError} when it cannot listen (e.g. the port is taken).
 */
export async function startEmulator(options: EmulatorOptions): Promise<Emulator> {
  const config = checkOptions(options);
  const server = new EmulatorServer(config, resolveAgent(options.agent));
  await server.listen(options.port ?? 0, options.host ?? "127.0.0.1");
  return server.api();
}

interface CheckedOptions {
  options: EmulatorOptions;
  region: string;
  limits: ConnectionLimits & { maxFrameBytes: number };
}

function checkOptions(options: EmulatorOptions): CheckedOptions {
  if (!options || typeof options !== "object")
    throw new EmulatorOptionsError("startEmulator needs an options object");
  if (!options.credentials && !options.bearerTokens) {
    throw new EmulatorOptionsError(
      "startEmulator needs credentials (for SigV4), bearerTokens (for OAuth), or both",
    );
  }
  const region = options.region ?? "us-west-2";
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
    throw new EmulatorOptionsError(`Invalid region ${JSON.stringify(region)}`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new EmulatorOptionsError(`Invalid port ${port}`);
  if (options.clockSkewMs !== undefined && !Number.isFinite(options.clockSkewMs))
    throw new EmulatorOptionsError(
      `clockSkewMs must be a finite number, got ${options.clockSkewMs}`,
    );
  const limits = { ...DEFAULT_LIMITS, ...stripUndefined(options.limits ?? {}) };
  for (const key of ["maxFrameBytes", "idleTimeoutMs", "maxStreamMs"] as const) {
    const value = limits[key];
    if (!Number.isInteger(value) || value < 1)
      throw new EmulatorOptionsError(
        `limits.${key} must be a whole number of at least 1, got ${value}`,
      );
  }
  for (const key of ["idleCloseCode", "maxStreamCloseCode"] as const) {
    if (!isSendableCloseCode(limits[key]))
      throw new EmulatorOptionsError(
        `limits.${key} ${limits[key]} is not a close code a server can send`,
      );
  }
  if (
    options.bearerTokens !== undefined &&
    typeof options.bearerTokens !== "function" &&
    !Array.isArray(options.bearerTokens)
  ) {
    throw new EmulatorOptionsError("bearerTokens must be a list of tokens or a function");
  }
  return { options, region, limits };
}

/** The fault controller for the `faults` option; a bad option is an {@link EmulatorOptionsError}. */
function faultsFromOptions(
  init: ConstructorParameters<typeof FaultController>[0],
): FaultController {
  try {
    return new FaultController(init);
  } catch (error) {
    if (!(error instanceof FaultCommandError)) throw error;
    throw new EmulatorOptionsError(`Invalid faults option: ${error.message}`, { cause: error });
  }
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

class EmulatorServer {
  readonly #options: EmulatorOptions;
  readonly #region: string;
  readonly #limits: CheckedOptions["limits"];
  readonly #agent: AgentHandler;
  readonly #events: EventLog;
  readonly #sessions = new SessionStore();
  readonly #timers: TrackedTimers;
  readonly #faults: FaultController;
  readonly #clock: () => number;
  readonly #auth: AuthConfig;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #connections = new Set<EmulatorConnection>();
  readonly #connectionClosed = new Map<EmulatorConnection, Promise<void>>();
  readonly #pendingSockets = new Set<Duplex>();
  readonly #protocols = new WeakMap<IncomingMessage, string>();
  readonly #shutdown = new AbortController();
  #connectionIds = 0;
  #port = 0;
  #host = "127.0.0.1";
  #closing: Promise<void> | undefined;

  constructor(config: CheckedOptions, agent: AgentHandler) {
    const options = config.options;
    this.#options = options;
    this.#region = config.region;
    this.#limits = config.limits;
    this.#agent = agent;
    this.#events = new EventLog(options.maxEvents);
    this.#timers = new TrackedTimers(options.timers ?? systemTimers);
    const baseClock = toClock(options.now);
    this.#faults = faultsFromOptions({
      options: options.faults,
      clockSkewMs: options.clockSkewMs,
      targets: () => this.#connections,
      now: () => this.#clock(),
    });
    this.#clock = () => baseClock() + this.#faults.clockSkewMs;
    const skewMs = options.signatureSkewMs ?? DEFAULT_SKEW_MS;
    const lookup = options.credentials ? credentialLookup(options.credentials) : undefined;
    this.#auth = {
      presigned: lookup && {
        lookup,
        now: this.#clock,
        region: this.#region,
        skewMs,
        maxExpiresSeconds: MAX_PRESIGNED_EXPIRES_SECONDS,
      },
      headers: lookup && { lookup, now: this.#clock, region: this.#region, skewMs },
      bearer: options.bearerTokens,
      issuedBefore: () => this.#faults.issuedBefore,
    };
    if (options.log) {
      const log = options.log;
      this.#events.subscribe((event) => log(describeEvent(event)));
    }
    this.#wss = new WebSocketServer({
      noServer: true,
      clientTracking: false,
      maxPayload: this.#limits.maxFrameBytes,
      perMessageDeflate: false,
      handleProtocols: (_offered, request) => this.#protocols.get(request) ?? false,
    });
    this.#http = createServer((req, res) => void this.#onRequest(req, res));
    this.#http.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.#onUpgrade(req, socket, head).catch((error: unknown) => {
        const reason = `The emulator failed: ${error instanceof Error ? error.message : String(error)}`;
        refuseUpgrade(socket, 500, reason);
        this.#events.record({
          type: "upgrade",
          at: this.#clock(),
          outcome: "refused",
          status: 500,
          code: "internal",
          reason,
          auth: "none",
        });
      });
    });
  }

  listen(port: number, host: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        this.#http.off("listening", onListening);
        this.#timers.clearAll();
        const where = `${host}:${port}`;
        const message =
          error.code === "EADDRINUSE"
            ? `Port ${port} on ${host} is already in use; pick another port (or 0 to let the OS choose)`
            : error.code === "EACCES"
              ? `Not allowed to listen on ${where}`
              : `Cannot listen on ${where}: ${error.message}`;
        reject(new EmulatorStartError(message, error.code, { cause: error }));
      };
      const onListening = () => {
        this.#http.off("error", onError);
        const address = this.#http.address() as AddressInfo;
        this.#port = address.port;
        this.#host = host;
        resolve();
      };
      this.#http.once("error", onError);
      this.#http.once("listening", onListening);
      this.#http.listen(port, host);
    });
  }

  api(): Emulator {
    const hostForUrl = this.#host.includes(":") ? `[${this.#host}]` : this.#host;
    const url = `ws://${hostForUrl}:${this.#port}`;
    const events = this.#events;
    const connections = this.#connections;
    return {
      url,
      httpUrl: `http://${hostForUrl}:${this.#port}`,
      port: this.#port,
      host: this.#host,
      region: this.#region,
      faults: this.#faults,
      get events() {
        return events.events;
      },
      get upgrades() {
        return events.events.filter((event): event is UpgradeEvent => event.type === "upgrade");
      },
      get lastSeq() {
        return events.lastSeq;
      },
      sessions: this.#sessions.map,
      get openConnections() {
        return connections.size;
      },
      now: () => this.#clock(),
      runtimeUrl: (runtimeArn, qualifier) =>
        `${url}/runtimes/${encodeURIComponent(runtimeArn)}/ws${qualifier ? `?qualifier=${encodeURIComponent(qualifier)}` : ""}`,
      onEvent: (listener) => this.#events.subscribe(listener),
      waitForEvent: (predicate, options) => this.#events.waitFor(predicate, options),
      close: () => this.close(),
    };
  }

  async #onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) {
      await handleControl(req, res, {
        faults: this.#faults,
        events: this.#events,
        sessions: this.#sessions,
        clock: this.#clock,
        allowedOrigins: this.#options.controlOrigins ?? [],
        info: () => ({
          url: `ws://${req.headers.host ?? ""}`,
          region: this.#region,
          openConnections: this.#connections.size,
          seed: this.#faults.seed,
        }),
      });
      return;
    }
    const status = parseRuntimePath(path).ok ? 426 : 404;
    res.writeHead(status, {
      "Content-Type": "application/json",
      ...(status === 426 ? { Upgrade: "websocket" } : {}),
    });
    res.end(
      JSON.stringify({
        message: status === 426 ? "This endpoint only speaks WebSocket" : "Not found",
      }),
    );
  }

  async #onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", () => undefined);
    this.#pendingSockets.add(socket);
    socket.once("close", () => this.#pendingSockets.delete(socket));
    const refuse = (
      status: number,
      code: string,
      reason: string,
      extra: Partial<UpgradeEvent> = {},
    ) => {
      refuseUpgrade(socket, status, reason);
      this.#events.record({
        type: "upgrade",
        at: this.#clock(),
        outcome: "refused",
        status,
        code,
        reason,
        auth: "none",
        ...extra,
      });
    };
    if (this.#closing) return refuse(503, "shutting-down", "The emulator is shutting down");

    const delay = this.#faults.upgradeDelay();
    if (delay > 0 && !(await this.#timers.sleep(delay, this.#shutdown.signal))) {
      return refuse(503, "shutting-down", "The emulator is shutting down");
    }
    if (socket.destroyed) return;

    const target = splitRequestTarget(req.url ?? "");
    const route = parseRuntimePath(target.ok ? target.path : "");
    if (!route.ok)
      return refuse(route.status, route.status === 404 ? "not-found" : "malformed", route.reason);
    const auth = await authenticate(req, route.runtimeArn, this.#auth);
    if (socket.destroyed) return;
    const details: Partial<UpgradeEvent> = {
      auth: auth.mode,
      runtimeArn: route.runtimeArn,
      ...(auth.sessionId !== undefined ? { sessionId: auth.sessionId } : {}),
      ...(auth.signedAt !== undefined ? { signedAt: auth.signedAt } : {}),
      ...(auth.expiresAt !== undefined ? { expiresAt: auth.expiresAt } : {}),
    };
    if (!auth.ok) return refuse(auth.status, auth.code, auth.reason, details);
    if (auth.accessKeyId !== undefined) details.accessKeyId = auth.accessKeyId;
    if (auth.qualifier !== undefined) details.qualifier = auth.qualifier;
    if (route.arn.region !== this.#region) {
      return refuse(404, "not-found", `No runtime ${route.runtimeArn} in ${this.#region}`, details);
    }
    const sessionId = auth.sessionId ?? randomUUID();
    details.sessionId = sessionId;
    if (sessionId.length < SESSION_ID_MIN || sessionId.length > SESSION_ID_MAX) {
      return refuse(
        400,
        "invalid-session-id",
        `The runtime session id must be ${SESSION_ID_MIN} to ${SESSION_ID_MAX} characters, got ${sessionId.length}`,
        details,
      );
    }
    const refusal = this.#faults.takeRefusal();
    if (refusal) return refuse(refusal.status, "fault", refusal.reason, details);
    if (this.#closing)
      return refuse(503, "shutting-down", "The emulator is shutting down", details);

    if (auth.protocol !== undefined) this.#protocols.set(req, auth.protocol);
    this.#wss.handleUpgrade(req, socket, head, (ws) => {
      this.#pendingSockets.delete(socket);
      this.#accept(ws, route.runtimeArn, sessionId, auth.qualifier, {
        ...details,
        ...(auth.protocol ? { protocol: auth.protocol } : {}),
      });
    });
  }

  #accept(
    ws: WebSocket,
    runtimeArn: string,
    sessionId: string,
    qualifier: string | undefined,
    details: Partial<UpgradeEvent>,
  ): void {
    this.#connectionIds += 1;
    const id = this.#connectionIds;
    this.#events.record({
      type: "upgrade",
      at: this.#clock(),
      outcome: "accepted",
      status: 101,
      auth: "none",
      ...details,
      connectionId: id,
    });
    const session = this.#sessions.open(sessionId, runtimeArn, qualifier);
    let resolveClosed!: () => void;
    const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
    const connection = new EmulatorConnection({
      id,
      ws,
      session,
      runtimeArn,
      qualifier,
      limits: this.#limits,
      faults: this.#faults,
      events: this.#events,
      clock: this.#clock,
      timers: this.#timers,
      onClosed: (done) => {
        this.#connections.delete(done);
        this.#connectionClosed.delete(done);
        resolveClosed();
      },
    });
    this.#connections.add(connection);
    this.#connectionClosed.set(connection, closed);
    connection.start(this.#agent);
  }

  close(): Promise<void> {
    this.#closing ??= this.#shutdownNow();
    return this.#closing;
  }

  async #shutdownNow(): Promise<void> {
    this.#shutdown.abort();
    for (const socket of this.#pendingSockets) socket.destroy();
    const open = [...this.#connections];
    const allClosed = Promise.all(open.map((connection) => this.#connectionClosed.get(connection)));
    for (const connection of open) connection.close(1001, "Emulator shutting down", "shutdown");
    let graceTimer: ReturnType<typeof setTimeout> | undefined;
    const graceOver = new Promise<void>(
      (resolve) => (graceTimer = setTimeout(resolve, SHUTDOWN_GRACE_MS)),
    );
    await Promise.race([allClosed, graceOver]);
    clearTimeout(graceTimer);
    for (const connection of this.#connections) connection.terminate("shutdown");
    await allClosed;
    this.#wss.close();
    await new Promise<void>((resolve) => {
      this.#http.close(() => resolve());
      this.#http.closeAllConnections();
    });
    this.#timers.clearAll();
  }
}
