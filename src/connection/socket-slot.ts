import type { ReadyUrl } from "./ready-url";
import type { SentFrame } from "./machine-types";
import type { TimerSlots } from "./named-timers";
import type { WebSocketConstructor, WebSocketLike } from "./types";

/** `WebSocket.OPEN` and `WebSocket.CLOSED`, which not every implementation exposes statically. */
const OPEN = 1;
const CLOSED = 3;
/** The close code a client sends when it ends a stream on purpose. */
const CLIENT_CLOSE_CODE = 1000;

/**
 * How long a new socket waits for one we closed ourselves to finish closing (ms), so the
 * runtime never sees two streams of one session at once; after that it opens anyway.
 */
export const CLOSE_WAIT_MS = 1_000;

/** What the slot reports from the current socket. */
export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(code: number, reason: string): void;
}

/** What was known about a stream when it closed. */
export interface ClosedStream {
  wasOpen: boolean;
  streamAgeMs: number | undefined;
  idleMs: number | undefined;
  lastSent: SentFrame | null;
  /**
   * What the agent did not take: the messages it has not acknowledged, once it has shown it
   * acknowledges (`confirmed`); else the messages sent after the last frame it received.
   */
  unread: SentFrame[];
  confirmed: boolean;
}

function noop(): void {}

/**
 * Stops listening to a socket we no longer want. Browsers fire nothing harmful after that, but
 * Node's `ws` emits `error` while aborting a handshake and throws when nobody listens, so a
 * no-op error listener stays until the socket reports it is closed, then everything goes.
 */
function detach(socket: WebSocketLike, onClosed: () => void): void {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onerror = noop;
  socket.onclose = () => {
    socket.onerror = null;
    socket.onclose = null;
    onClosed();
  };
}

interface MessageEventLike {
  data?: unknown;
}

interface CloseEventLike {
  code?: unknown;
  reason?: unknown;
}

/**
 * The one socket a connection holds: opens it, reports only its events, remembers when it
 * opened and last carried a frame, and closes it. Sockets it closed are tracked until they
 * report their close, so the next one can wait for them.
 */
export class SocketSlot {
  #socket: WebSocketLike | null = null;
  #open = false;
  #openedAt = 0;
  #lastTrafficAt = 0;
  #lastSent: SentFrame | null = null;
  #unanswered: SentFrame[] = [];
  #unacked: SentFrame[] = [];
  /** Whether the agent acknowledged a message (then `#unacked` is exact); kept across sockets. */
  #acking = false;
  /**
   * The agent acknowledges every message by id (the delivery protocol): what it has not
   * acknowledged is sent again on every new stream until it does.
   */
  exactAcknowledgements = false;
  /** Ids reported unread once: never again, so an agent that never takes one cannot loop. */
  readonly #reported = new Set<string>();
  /** Changes whenever the current socket does, so a caller can tell it was replaced. */
  #serial = 0;
  readonly #closing = new Map<WebSocketLike, Promise<void>>();
  readonly #timers: TimerSlots<"closeWait">;

  constructor(timers: TimerSlots<"closeWait">) {
    this.#timers = timers;
  }

  /** Changes whenever the current socket is replaced or forgotten. */
  get serial(): number {
    return this.#serial;
  }

  /** Whether a stream is open on the current socket. */
  get isOpen(): boolean {
    return this.#open;
  }

  /** Epoch ms of the last frame either way on the open stream. */
  get lastTrafficAt(): number {
    return this.#lastTrafficAt;
  }

  /**
   * Creates the socket for `ready` and routes its events to `handlers` while it is current.
   *
   * @throws whatever the WebSocket constructor throws.
   */
  open(Constructor: WebSocketConstructor, ready: ReadyUrl, handlers: SocketHandlers): void {
    let socket: WebSocketLike;
    if (ready.headers) {
      socket = new Constructor(ready.url, ready.protocols ?? [], { headers: ready.headers });
    } else {
      socket = ready.protocols
        ? new Constructor(ready.url, ready.protocols)
        : new Constructor(ready.url);
    }
    try {
      socket.binaryType = "arraybuffer";
    } catch {
      // An implementation without binaryType still delivers text frames.
    }
    this.#socket = socket;
    this.#serial++;
    this.#open = false;
    this.#lastSent = null;
    const current = (): boolean => this.#socket === socket;
    socket.onopen = () => current() && handlers.open();
    socket.onmessage = (event: MessageEventLike) => current() && handlers.message(event?.data);
    socket.onclose = (event: CloseEventLike) => {
      if (!current()) return;
      const code = typeof event?.code === "number" ? event.code : 1006;
      handlers.close(code, typeof event?.reason === "string" ? event.reason : "");
    };
    // Browsers follow every error with a close; Node's ws needs a listener so it does not throw.
    socket.onerror = noop;
  }

  /** The upgrade succeeded. */
  markOpen(now: number): void {
    this.#open = true;
    this.#openedAt = now;
    this.#lastTrafficAt = now;
  }

  /** A frame arrived: what was sent before it may have been answered. */
  received(now: number): void {
    this.#lastTrafficAt = now;
    this.#unanswered = [];
  }

  /**
   * The agent acknowledged the oldest message it had not acknowledged yet on this socket. Told
   * before the app's event listeners, which may send a message the event does not acknowledge.
   */
  acknowledged(): void {
    this.#acking = true;
    this.#unacked.shift();
  }

  /** The agent has the message `id` (delivery protocol `@got`): it is never sent again. */
  delivered(id: string): void {
    this.#unacked = this.#unacked.filter((sent) => sent.id !== id);
  }

  /** Messages sent on this stream that the agent has not acknowledged yet. */
  get unacknowledged(): readonly SentFrame[] {
    return this.#unacked;
  }

  /** Whether a socket we closed has not reported its close yet. */
  get hasClosing(): boolean {
    return this.#closing.size > 0;
  }

  /** Whether the socket can take a frame right now. */
  canSend(): boolean {
    return this.#open && this.#socket?.readyState === OPEN;
  }

  /**
   * Sends a frame; `false` when the socket cannot take it. `message` marks it as a message
   * (or reply) the agent must take, remembered until acknowledged and for a 1009 close.
   */
  send(frame: string, now: number, message?: SentFrame): boolean {
    if (!this.canSend()) return false;
    try {
      this.#socket?.send(frame);
    } catch {
      return false;
    }
    this.#lastTrafficAt = now;
    if (message) {
      this.#lastSent = message;
      this.#unanswered.push(message);
      this.#unacked.push(message);
    }
    return true;
  }

  /**
   * Forgets the current socket after it closed, with what was known about its stream. A
   * message is reported unread once at most: sent again once, never a third time.
   */
  release(now: number): ClosedStream {
    const socket = this.#socket;
    const exact = this.exactAcknowledgements;
    const unread = exact
      ? this.#unacked
      : (this.#acking ? this.#unacked : this.#unanswered).filter(
          ({ id }) => !this.#reported.has(id) && this.#reported.add(id),
        );
    const closed: ClosedStream = {
      wasOpen: this.#open,
      streamAgeMs: this.#open ? now - this.#openedAt : undefined,
      idleMs: this.#open ? now - this.#lastTrafficAt : undefined,
      lastSent: this.#lastSent,
      unread,
      confirmed: this.#acking || exact,
    };
    this.#forget();
    if (socket) socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    return closed;
  }

  /** Closes the current socket ourselves and stops listening to it. */
  drop(reason: string): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#forget();
    let markClosed = noop;
    this.#closing.set(
      socket,
      new Promise<void>((resolve) => {
        markClosed = resolve;
      }),
    );
    const closed = (): void => {
      this.#closing.delete(socket);
      markClosed();
    };
    detach(socket, closed);
    try {
      socket.close(CLIENT_CLOSE_CODE, reason);
    } catch {
      // Closing is best effort; the socket is forgotten either way.
    }
    if (socket.readyState === CLOSED) closed();
  }

  /**
   * Waits until every socket we closed has closed, or {@link CLOSE_WAIT_MS} at most; a socket
   * that never reports its close is given up on then, so it cannot delay later attempts.
   */
  async previousClosed(): Promise<void> {
    const waitedOn = Promise.all(this.#closing.values());
    const closedInTime = await new Promise<boolean>((resolve) => {
      this.#timers.start("closeWait", CLOSE_WAIT_MS, () => resolve(false));
      void waitedOn.then(() => {
        this.#timers.clear("closeWait");
        resolve(true);
      });
    });
    if (!closedInTime) this.#closing.clear();
  }

  #forget(): void {
    this.#socket = null;
    this.#serial++;
    this.#open = false;
    this.#lastSent = null;
    this.#unanswered = [];
    this.#unacked = [];
  }
}
