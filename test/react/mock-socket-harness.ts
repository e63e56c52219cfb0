import { Server, WebSocket as MockWebSocket } from "mock-socket";
import type { WebSocketConstructor } from "../../src/connection/types";
import type { PresignedConnection, UrlProvider } from "../../src/providers/types";

let servers = 0;

/**
 * An in-memory agent (mock-socket: no network) and a WebSocket class that counts how many
 * sockets the code under test constructs.
 */
export function mockAgent() {
  servers += 1;
  const url = `ws://agent.test/${servers}`;
  const server = new Server(url);
  const received: string[] = [];
  const sockets: Array<{ send(data: string): void; close(): void }> = [];
  let closes = 0;
  server.on("connection", (socket) => {
    sockets.push(socket);
    socket.on("message", (data) => received.push(String(data)));
    socket.on("close", () => (closes += 1));
  });
  let constructed = 0;
  let opened = 0;
  class CountingWebSocket extends MockWebSocket {
    constructor(socketUrl: string | URL, protocols?: string | string[]) {
      super(socketUrl, protocols);
      constructed += 1;
      this.addEventListener("open", () => (opened += 1));
    }
  }
  const providerCalls: string[] = [];
  const urlProvider: UrlProvider = async ({ sessionId }): Promise<PresignedConnection> => {
    providerCalls.push(sessionId);
    return { url, expiresAt: Date.now() + 300_000, sessionId };
  };
  return {
    server,
    url,
    received,
    urlProvider,
    providerCalls,
    WebSocket: CountingWebSocket as unknown as WebSocketConstructor,
    get constructed() {
      return constructed;
    },
    /** Client sockets that reached open (a socket closed while connecting never does). */
    get opened() {
      return opened;
    },
    /** Closes seen by the server: only sockets that reached open are counted. */
    get closes() {
      return closes;
    },
    /** The server side of the latest socket. */
    get socket() {
      const socket = sockets[sockets.length - 1];
      if (!socket) throw new Error("no socket connected yet");
      return socket;
    },
  };
}
