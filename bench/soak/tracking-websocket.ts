import { WebSocket } from "ws";
import type { WebSocketConstructor } from "../../src/connection/types";

/** What the soak knows about one client socket. */
export interface SocketRecord {
  id: number;
  /** `performance.now()` when the connection created it. */
  createdAt: number;
  /** The online source said "offline" when it was created. */
  createdOffline: boolean;
  opened: boolean;
  closeCode: number | undefined;
  closedAt: number | undefined;
  /** The fault the soak had injected last when this socket closed. */
  faultAtClose: string | undefined;
  /** `performance.now()` when that fault was injected (unknown for faults that fire later). */
  faultInjectedAt: number | undefined;
  /** `bufferedAmount` when the close was reported: bytes the socket never flushed. */
  bufferedAtClose: number | undefined;
  /** Message numbers handed to `send` on this socket, in order. */
  sent: number[];
  /** `performance.now()` of the last send on this socket. */
  lastSendAt: number | undefined;
}

const WATCHED_EVENTS = ["open", "message", "close", "error"] as const;

/**
 * Hands the connection a `ws` WebSocket subclass that records every socket (when it was made,
 * what was sent on it, how it closed) without adding listeners of its own, so the listener
 * counts it reports are the connection's alone.
 */
export class SocketRegistry {
  readonly records: SocketRecord[] = [];
  /** `performance.now()` when each message number was last handed to a socket. */
  readonly handedAt = new Map<number, number>();
  readonly #sockets: WebSocket[] = [];
  /** Listeners that were still on closed sockets when they were pruned. */
  #leftOnPruned = 0;
  /** Set by the soak: the label of the fault injected last. */
  currentFault = "none";
  /** Set by the soak: `performance.now()` when it injected that fault, if it acted at once. */
  faultInjectedAt: number | undefined;
  /** Set by the soak: whether the network is "offline" now. */
  offline = false;
  /** With delivery on: ids of the messages the agent acknowledged (`@got <id>`), on any socket. */
  readonly gotIds = new Set<string>();

  constructor(readonly messageNumber: (frame: string) => number | undefined) {}

  /** A constructor to pass as the connection's `WebSocket` option. */
  webSocketClass(): WebSocketConstructor {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const registry = this;
    return class RecordedWebSocket extends WebSocket {
      readonly #record: SocketRecord;

      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols);
        this.#record = {
          id: registry.records.length + 1,
          createdAt: performance.now(),
          createdOffline: registry.offline,
          opened: false,
          closeCode: undefined,
          closedAt: undefined,
          faultAtClose: undefined,
          faultInjectedAt: undefined,
          bufferedAtClose: undefined,
          sent: [],
          lastSendAt: undefined,
        };
        registry.records.push(this.#record);
        registry.#sockets.push(this);
        const send = this.send as (...args: unknown[]) => void;
        this.send = ((data: unknown, ...rest: unknown[]) => {
          this.#recordSend(data);
          send.call(this, data, ...rest);
        }) as WebSocket["send"];
      }

      #recordSend(data: unknown): void {
        if (typeof data !== "string") return;
        const now = performance.now();
        const n = registry.messageNumber(data);
        if (n !== undefined) {
          this.#record.sent.push(n);
          registry.handedAt.set(n, now);
        }
        this.#record.lastSendAt = now;
      }

      #recordGot(data: unknown): void {
        const text = typeof data === "string" ? data : Buffer.isBuffer(data) ? data.toString() : "";
        if (text.startsWith("@got ")) registry.gotIds.add(text.slice(5));
      }

      override emit(event: string | symbol, ...args: unknown[]): boolean {
        if (event === "open") this.#record.opened = true;
        if (event === "message") this.#recordGot(args[0]);
        if (event === "close") {
          this.#record.closeCode = typeof args[0] === "number" ? args[0] : undefined;
          this.#record.closedAt = performance.now();
          this.#record.faultAtClose = registry.currentFault;
          this.#record.faultInjectedAt = registry.faultInjectedAt;
          this.#record.bufferedAtClose = this.bufferedAmount;
        }
        return super.emit(event, ...args);
      }
    };
  }

  /** Sockets not closed yet. */
  get live(): WebSocket[] {
    return this.#sockets.filter((socket) => socket.readyState !== WebSocket.CLOSED);
  }

  /**
   * Listeners left on closed sockets (the connection should leave none; sockets already
   * pruned are counted too), and the most on one live socket.
   */
  listenerCounts(): { onClosedSockets: number; maxOnLiveSocket: number } {
    let onClosedSockets = this.#leftOnPruned;
    let maxOnLiveSocket = 0;
    for (const socket of this.#sockets) {
      const count = listenersOf(socket);
      if (socket.readyState === WebSocket.CLOSED) onClosedSockets += count;
      else maxOnLiveSocket = Math.max(maxOnLiveSocket, count);
    }
    return { onClosedSockets, maxOnLiveSocket };
  }

  /** Forgets closed sockets once their listeners are counted, so a long run does not hold them. */
  pruneClosed(): void {
    const live: WebSocket[] = [];
    for (const socket of this.#sockets) {
      if (socket.readyState === WebSocket.CLOSED) this.#leftOnPruned += listenersOf(socket);
      else live.push(socket);
    }
    this.#sockets.length = 0;
    this.#sockets.push(...live);
  }
}

function listenersOf(socket: WebSocket): number {
  return WATCHED_EVENTS.reduce((sum, event) => sum + socket.listenerCount(event), 0);
}
