import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { WebSocketServer } from "ws";
import type { AuthConfig } from "./auth-types";
import { authenticate } from "./authenticate";
import type { TrackedTimers } from "./clock";
import type { AgentHandler } from "./agent-types";
import type { AcceptedStream, ConnectionRegistry } from "./connection-registry";
import type { EventLog, UpgradeEvent } from "./events";
import type { FaultController } from "./faults";
import type { Forwarder } from "./forward/forwarder";
import { refuseUpgrade } from "./http-refusal";
import { splitRequestTarget } from "./raw-url";
import { parseRuntimePath } from "./runtime-path";

const SESSION_ID_MIN = 33;
const SESSION_ID_MAX = 256;

/** What the upgrade handler reads and drives. */
export interface UpgradeHandlerInit {
  region: string;
  auth: AuthConfig;
  events: EventLog;
  faults: FaultController;
  clock: () => number;
  timers: TrackedTimers;
  wss: WebSocketServer;
  registry: ConnectionRegistry;
  /** Aborts when the emulator starts shutting down. */
  shutdown: AbortSignal;
  /** In front of an agent container: opens its side of each upgrade first. */
  forwarder: Forwarder | undefined;
}

/** An upgrade that passed every check, ready to switch protocols. */
interface Admitted {
  stream: AcceptedStream;
  protocol: string | undefined;
  details: Partial<UpgradeEvent>;
  /** The relay to a forwarded agent, and how to let go of it if the client's upgrade fails. */
  forwarded?: { agent: AgentHandler; abandon: () => void };
}

/** Refuses the upgrade on `socket` and records why. */
type Refuse = (
  status: number,
  code: string,
  reason: string,
  extra?: Partial<UpgradeEvent>,
) => undefined;

/**
 * Decides each WebSocket upgrade as the service does: route, authentication, region, session
 * id, then the armed upgrade faults. A refusal is a plain HTTP error (and an `upgrade` event);
 * an accepted upgrade becomes a connection in the registry.
 */
export class UpgradeHandler {
  readonly #init: UpgradeHandlerInit;
  readonly #pending = new Set<Duplex>();
  /** The subprotocol to echo for each request being upgraded. */
  readonly #protocols = new WeakMap<IncomingMessage, string>();

  constructor(init: UpgradeHandlerInit) {
    this.#init = init;
  }

  /** For the WebSocket server's `handleProtocols`: the subprotocol to echo, if any. */
  protocolFor(request: IncomingMessage): string | false {
    return this.#protocols.get(request) ?? false;
  }

  /** Handles the HTTP server's `upgrade` event; an unexpected error answers 500. */
  onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#handle(req, socket, head).catch((error: unknown) => {
      const reason = `The emulator failed: ${error instanceof Error ? error.message : String(error)}`;
      this.#refuser(socket)(500, "internal", reason);
    });
  }

  /** Destroys the sockets still waiting for an answer (at shutdown). */
  destroyPending(): void {
    for (const socket of this.#pending) socket.destroy();
  }

  async #handle(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    socket.on("error", () => undefined);
    this.#pending.add(socket);
    socket.once("close", () => this.#pending.delete(socket));
    const refuse = this.#refuser(socket);
    const { faults, timers, shutdown, wss, registry } = this.#init;
    if (shutdown.aborted) return refuse(503, "shutting-down", "The emulator is shutting down");
    const delay = faults.upgradeDelay();
    if (delay > 0 && !(await timers.sleep(delay, shutdown))) {
      return refuse(503, "shutting-down", "The emulator is shutting down");
    }
    if (socket.destroyed) return;
    const admitted = await this.#admit(req, socket, refuse);
    if (!admitted) return;
    if (admitted.protocol !== undefined) this.#protocols.set(req, admitted.protocol);
    let accepted = false;
    const { forwarded } = admitted;
    if (forwarded) socket.once("close", () => accepted || forwarded.abandon());
    wss.handleUpgrade(req, socket, head, (ws) => {
      accepted = true;
      this.#pending.delete(socket);
      const details = {
        ...admitted.details,
        ...(admitted.protocol ? { protocol: admitted.protocol } : {}),
      };
      registry.accept(ws, admitted.stream, details, forwarded?.agent);
    });
  }

  /** Runs the checks in the service's order; `undefined` once refused (or the socket is gone). */
  async #admit(
    req: IncomingMessage,
    socket: Duplex,
    refuse: Refuse,
  ): Promise<Admitted | undefined> {
    const target = splitRequestTarget(req.url ?? "");
    const route = parseRuntimePath(target.ok ? target.path : "");
    if (!route.ok)
      return refuse(route.status, route.status === 404 ? "not-found" : "malformed", route.reason);
    const auth = await authenticate(req, route.runtimeArn, this.#init.auth);
    if (socket.destroyed) return undefined;
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
    const { region, faults, shutdown } = this.#init;
    if (route.arn.region !== region)
      return refuse(404, "not-found", `No runtime ${route.runtimeArn} in ${region}`, details);
    const sessionId = auth.sessionId ?? randomUUID();
    details.sessionId = sessionId;
    if (sessionId.length < SESSION_ID_MIN || sessionId.length > SESSION_ID_MAX) {
      const reason = `The runtime session id must be ${SESSION_ID_MIN} to ${SESSION_ID_MAX} characters, got ${sessionId.length}`;
      return refuse(400, "invalid-session-id", reason, details);
    }
    const refusal = faults.takeRefusal();
    if (refusal) return refuse(refusal.status, "fault", refusal.reason, details);
    if (shutdown.aborted)
      return refuse(503, "shutting-down", "The emulator is shutting down", details);
    const stream = { runtimeArn: route.runtimeArn, sessionId, qualifier: auth.qualifier };
    const admitted = { stream, protocol: auth.protocol, details };
    return this.#init.forwarder ? this.#forward(req, socket, admitted, refuse) : admitted;
  }

  /** Opens the agent container's side first; its failure refuses the client's upgrade. */
  async #forward(
    req: IncomingMessage,
    socket: Duplex,
    admitted: Admitted,
    refuse: Refuse,
  ): Promise<Admitted | undefined> {
    const verdict = await this.#init.forwarder?.open(req, admitted.stream.sessionId);
    if (!verdict) return admitted;
    if (!verdict.ok) return refuse(verdict.status, verdict.code, verdict.reason, admitted.details);
    if (socket.destroyed || this.#init.shutdown.aborted) {
      verdict.abandon();
      if (socket.destroyed) return undefined;
      return refuse(503, "shutting-down", "The emulator is shutting down", admitted.details);
    }
    return { ...admitted, forwarded: { agent: verdict.agent, abandon: verdict.abandon } };
  }

  #refuser(socket: Duplex): Refuse {
    return (status, code, reason, extra = {}) => {
      refuseUpgrade(socket, status, reason);
      this.#init.events.record({
        type: "upgrade",
        at: this.#init.clock(),
        outcome: "refused",
        status,
        code,
        reason,
        auth: "none",
        ...extra,
      });
      return undefined;
    };
  }
}
