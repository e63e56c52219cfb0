import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocket, WebSocketServer, type ClientOptions } from "ws";
import { DeliveryAgent } from "../src/agent";
import { AgentRuntimeConnection } from "../src/connection/agent-runtime-connection";
import type { Codec } from "../src/codecs/types";
import { deliveryProtocol } from "../src/delivery";

/** Sends strings as they are; every agent payload is one text delta. */
export const RAW_CODEC: Codec<string> = {
  name: "raw",
  encode: (message) => message,
  decode: (frame) => [{ type: "text-delta", delta: String(frame) }],
};

/** An answer's frames: `count` payloads of 8 characters, as a model streams small pieces. */
export function answerFrames(count: number): string[] {
  return Array.from({ length: count }, (_, index) => `w${String(index).padStart(6, "0")} `);
}

/** Bytes and frames on the wire, both ways, counted at the agent's sockets. */
export interface WireCount {
  toAgentBytes: number;
  toAgentFrames: number;
  toClientBytes: number;
  toClientFrames: number;
}

/**
 * A local agent container on loopback: with `delivery`, `agentcore-react/agent` speaks the
 * protocol; without, the same answers go out as plain frames. Each message `<n>` is answered
 * with `answerFrames(n)`, one frame every `paceMs` (0: all at once).
 */
export class DeliveryRig {
  readonly wire: WireCount = {
    toAgentBytes: 0,
    toAgentFrames: 0,
    toClientBytes: 0,
    toClientFrames: 0,
  };
  readonly agent = new DeliveryAgent();
  readonly sockets = new Set<WebSocket>();
  #server: Server;
  #url = "";

  private constructor(
    readonly delivery: boolean,
    readonly paceMs: number,
  ) {
    this.#server = createServer((_request, response) => response.end("ok"));
    new WebSocketServer({ server: this.#server }).on("connection", (socket, request) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
      this.#count(socket);
      const sessionId = String(request.headers["x-amzn-bedrock-agentcore-runtime-session-id"]);
      if (!delivery) {
        socket.on(
          "message",
          (data) => void this.#answer(String(data), (frame) => socket.send(frame)),
        );
        return;
      }
      this.agent.attach(sessionId, socket, {
        onMessage: (payload, { session }) => this.#answer(payload, (frame) => session.send(frame)),
      });
    });
  }

  static async start(delivery: boolean, paceMs = 0): Promise<DeliveryRig> {
    const rig = new DeliveryRig(delivery, paceMs);
    await new Promise<void>((resolve) => rig.#server.listen(0, "127.0.0.1", resolve));
    rig.#url = `ws://127.0.0.1:${(rig.#server.address() as AddressInfo).port}/ws`;
    return rig;
  }

  /** A library connection to the rig (retries after 10–20 ms, so drops come back fast). */
  connection(): AgentRuntimeConnection<string> {
    return new AgentRuntimeConnection<string>({
      urlProvider: async ({ sessionId }) => ({
        url: this.#url,
        headers: { "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": sessionId },
        expiresAt: Date.now() + 300_000,
        sessionId,
      }),
      WebSocket: countingWebSocket(this.wire),
      codec: RAW_CODEC,
      retry: { initialDelayMs: 20, maxDelayMs: 20 },
      ...(this.delivery ? { delivery: deliveryProtocol() } : {}),
    });
  }

  /** Ends every agent socket abruptly (no close frame), as a dead network does. */
  dropAll(): void {
    for (const socket of this.sockets) socket.terminate();
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise((resolve) => this.#server.close(resolve));
  }

  #count(socket: WebSocket): void {
    socket.on("message", (data) => {
      this.wire.toAgentFrames++;
      this.wire.toAgentBytes += Buffer.byteLength(String(data));
    });
  }

  async #answer(message: string, send: (frame: string) => void): Promise<void> {
    for (const frame of answerFrames(Number(message))) {
      send(frame);
      if (this.paceMs > 0) await new Promise((resolve) => setTimeout(resolve, this.paceMs));
    }
  }
}

/** Node's `ws`, counting what the agent sends as the client receives it. */
function countingWebSocket(wire: WireCount) {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[], options?: ClientOptions) {
      super(address, protocols, options);
      this.on("message", (data) => {
        wire.toClientFrames++;
        wire.toClientBytes += Buffer.byteLength(String(data));
      });
    }
  };
}
