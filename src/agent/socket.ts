/**
 * A server-side WebSocket the agent writes to: a `ws` socket (`on`/`off`), a standard one
 * (`addEventListener`), or anything shaped like either. Frames are text; `send` takes a string.
 */
export interface AgentSocket {
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener?(type: string, listener: (event: object) => void): void;
  removeEventListener?(type: string, listener: (event: object) => void): void;
  on?(event: string, listener: (...args: unknown[]) => void): unknown;
  off?(event: string, listener: (...args: unknown[]) => void): unknown;
}

/** What the agent hears from a socket. */
export interface SocketListeners {
  /** A text frame. */
  text(frame: string): void;
  /** A binary frame: not a frame of the protocol. */
  binary(): void;
  /** The socket closed (after an error too). */
  closed(): void;
}

/** The socket's events, turned into {@link SocketListeners}; `unlisten` removes them again. */
export interface ListenedSocket {
  unlisten(): void;
}

type Data = unknown;

function isStandard(socket: AgentSocket): boolean {
  return typeof socket.addEventListener === "function";
}

function listenStandard(socket: AgentSocket, listeners: SocketListeners): ListenedSocket {
  const onMessage = (event: object) => {
    const data: Data = "data" in event ? event.data : undefined;
    if (typeof data === "string") listeners.text(data);
    else listeners.binary();
  };
  const onClose = () => listeners.closed();
  // An error is followed by a close; listening keeps a `ws` socket from throwing it.
  const onError = () => undefined;
  socket.addEventListener?.("message", onMessage);
  socket.addEventListener?.("close", onClose);
  socket.addEventListener?.("error", onError);
  return {
    unlisten() {
      socket.removeEventListener?.("message", onMessage);
      socket.removeEventListener?.("close", onClose);
      socket.removeEventListener?.("error", onError);
    },
  };
}

function textOf(data: Data): string | undefined {
  if (typeof data === "string") return data;
  if (data instanceof ArrayBuffer || ArrayBuffer.isView(data)) {
    return new TextDecoder().decode(data);
  }
  return undefined;
}

function listenEmitter(socket: AgentSocket, listeners: SocketListeners): ListenedSocket {
  // `ws` calls it with the frame's data and whether the frame is binary.
  const onMessage = (...[data, isBinary]: unknown[]) => {
    const text = isBinary === true ? undefined : textOf(data);
    if (text === undefined) listeners.binary();
    else listeners.text(text);
  };
  const onClose = () => listeners.closed();
  const onError = () => undefined;
  socket.on?.("message", onMessage);
  socket.on?.("close", onClose);
  socket.on?.("error", onError);
  return {
    unlisten() {
      socket.off?.("message", onMessage);
      socket.off?.("close", onClose);
      socket.off?.("error", onError);
    },
  };
}

/** Listens to `socket` the way it supports: events when it has them, else `on`. */
export function listenTo(socket: AgentSocket, listeners: SocketListeners): ListenedSocket {
  if (isStandard(socket)) return listenStandard(socket, listeners);
  return listenEmitter(socket, listeners);
}
