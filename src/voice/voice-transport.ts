import type { WebSocketConstructor, WebSocketLike } from "../connection/types";

/** A socket that takes binary frames too: the browser's `WebSocket` and Node's `ws` do. */
export interface BinarySocket extends WebSocketLike {
  send(data: string | ArrayBuffer | ArrayBufferView): void;
}

/** A constructor of {@link BinarySocket}s. */
export type BinarySocketConstructor = new (
  url: string,
  protocols?: string | string[],
  options?: { headers?: Record<string, string> },
) => BinarySocket;

/**
 * Real-time frames straight onto a connection's open socket. Pass `WebSocket` to the
 * connection (`new AgentRuntimeConnection({ ..., WebSocket: transport.WebSocket })`); the
 * transport then knows the socket the connection opened last.
 *
 * Why not `connection.send()`: the outbox is for messages that must arrive, so it queues them
 * while the stream is down and sends them again after a drop. Audio is the opposite: a frame
 * that cannot go now is worth nothing later. So voice frames bypass the outbox, are dropped
 * while no stream is open (counted), and the connection itself stays as it is for text apps.
 */
export interface VoiceTransport {
  /** The constructor to give the connection. */
  readonly WebSocket: WebSocketConstructor;
  /** Sends `frame` if the current socket is open; `false` (dropped) otherwise. */
  send(frame: string | ArrayBuffer): boolean;
  /**
   * How many sockets the connection has opened so far (optional): a codec whose calls open
   * with frames (Nova Sonic's `sessionStart`, …) sends them again on each new socket.
   */
  readonly sockets?: number;
}

const OPEN = 1;

/**
 * A {@link VoiceTransport} over `Base` (default: the global `WebSocket`, read when the
 * connection opens a socket, so this can be made during server rendering).
 */
export function voiceTransport(Base?: BinarySocketConstructor): VoiceTransport {
  let current: BinarySocket | undefined;
  let sockets = 0;
  function TrackedWebSocket(
    url: string,
    protocols?: string | string[],
    options?: { headers?: Record<string, string> },
  ): BinarySocket {
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- the platform's WebSocket takes binary frames; its DOM type is wider than BinarySocket says
    const Socket = Base ?? (globalThis.WebSocket as unknown as BinarySocketConstructor);
    const socket = options
      ? new Socket(url, protocols ?? [], options)
      : protocols === undefined
        ? new Socket(url)
        : new Socket(url, protocols);
    current = socket;
    sockets++;
    return socket;
  }
  return {
    // A constructor function that returns the socket it made: `new` hands back that object.
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- see above
    WebSocket: TrackedWebSocket as unknown as WebSocketConstructor,
    get sockets() {
      return sockets;
    },
    send(frame) {
      if (current?.readyState !== OPEN) return false;
      try {
        current.send(frame);
        return true;
      } catch {
        return false;
      }
    },
  };
}
