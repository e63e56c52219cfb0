import { invalidOption, isRecord } from "../core/option-checks";
import { PROTOCOL_ERROR, streamReader } from "./attached-stream";
import { DeliverySession } from "./delivery-session";
import {
  resolveAgentOptions,
  type DeliveryAgentOptions,
  type ResolvedAgentOptions,
} from "./options";
import { PacedStream } from "./paced-stream";
import { listenTo, type AgentSocket } from "./socket";
import type { StreamHandlers } from "./stream-handlers";

function checkSocket(socket: AgentSocket): void {
  const usable =
    isRecord(socket) &&
    typeof socket.send === "function" &&
    typeof socket.close === "function" &&
    (typeof socket.addEventListener === "function" || typeof socket.on === "function");
  if (!usable) {
    throw invalidOption(
      "socket",
      "a WebSocket with send, close and addEventListener (or on)",
      socket,
    );
  }
}

/**
 * The agent's side of `acr-delivery/1` (docs/delivery.md): keeps each runtime session's
 * epoch, sequence, replay buffer and accepted message ids in this process, and speaks the
 * protocol on every stream attached to a session.
 *
 * @example
 * ```ts
 * const agent = new DeliveryAgent();
 * agent.attach(sessionId, socket, {
 *   onMessage: (payload, { session }) => session.send(`echo:${payload}`),
 * });
 * ```
 */
export class DeliveryAgent {
  readonly #options: ResolvedAgentOptions;
  readonly #sessions = new Map<string, DeliverySession>();

  /** @throws {AgentRuntimeValidationError} naming the first bad option. */
  constructor(options: DeliveryAgentOptions = {}) {
    this.#options = resolveAgentOptions(options);
  }

  /** The session `sessionId`, made (with a new epoch and an empty buffer) if it is new. */
  session(sessionId: string): DeliverySession {
    if (typeof sessionId !== "string" || sessionId === "") {
      throw invalidOption("sessionId", "a non-empty string", sessionId);
    }
    let session = this.#sessions.get(sessionId);
    if (!session) {
      session = new DeliverySession(sessionId, this.#options);
      this.#sessions.set(sessionId, session);
    }
    return session;
  }

  /**
   * Attaches a new stream (an accepted WebSocket) to the session `sessionId`: it replaces the
   * stream attached before, which is closed with 1000. The stream must open with `@resume`.
   *
   * @returns the session, to send through.
   * @throws {AgentRuntimeValidationError} for a bad session id, socket or handlers.
   */
  attach(sessionId: string, socket: AgentSocket, handlers: StreamHandlers): DeliverySession {
    checkSocket(socket);
    if (!isRecord(handlers) || typeof handlers.onMessage !== "function") {
      throw invalidOption("handlers.onMessage", "a function", handlers?.onMessage);
    }
    const session = this.session(sessionId);
    const stream = new PacedStream(socket, this.#options.now);
    session.attach(stream);
    const read = streamReader(session, stream, handlers);
    const listened = listenTo(socket, {
      text: read,
      binary: () => {
        stream.close(PROTOCOL_ERROR, "acr-delivery frames are text");
        session.detach(stream);
      },
      closed: () => {
        stream.ended();
        session.detach(stream);
      },
    });
    stream.listened(listened);
    return session;
  }

  /**
   * Forgets the session `sessionId` (its runtime session ended): closes its stream with 1000
   * and drops its buffer. A later stream for that id starts a new epoch.
   */
  endSession(sessionId: string): void {
    this.#sessions.get(sessionId)?.closeStream(1000, "session ended");
    this.#sessions.delete(sessionId);
  }
}
