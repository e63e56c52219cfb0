/**
 * An AgentCore agent container in TypeScript that speaks the delivery protocol
 * (`acr-delivery/1`, docs/delivery.md): `GET /ping` and the WebSocket `/ws` on one port, as
 * docs/agent-container.md describes, with `agentcore-react/agent` numbering, buffering and
 * replaying what it sends. An answer survives a dropped stream: the page reconnects on the
 * same runtime session and the answer carries on.
 *
 *   npm start -- --agent delivery          # the demo starts it for you
 *   node --conditions=agentcore-react-source --import tsx examples/delivery-agent/agent.ts
 *                                          # on its own, on PORT (default 8080)
 *
 * The page must turn delivery on too: `delivery: deliveryProtocol()` from
 * `agentcore-react/delivery`, with `textCodec`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import { WebSocketServer } from "ws";
import { DeliveryAgent } from "agentcore-react/agent";
import { Conversation } from "./conversation";

/** The header AgentCore Runtime (and the emulator) puts the runtime session id in. */
const SESSION_HEADER = "x-amzn-bedrock-agentcore-runtime-session-id";

/** Options of {@link startDeliveryAgent}. */
export interface DeliveryAgentContainerOptions {
  /** Default 8080, the port AgentCore Runtime calls; 0 lets the system pick. */
  port?: number;
  /** Default `127.0.0.1`; a container for the service listens on `0.0.0.0`. */
  host?: string;
  /** Pause before each few words of an answer, in ms. Default 80: a human pace. */
  pieceMs?: number;
}

/** The running container. */
export interface DeliveryAgentContainer {
  /** `http://HOST:PORT`: what the emulator's `forward` (or `--agent-url`) takes. */
  readonly url: string;
  /** Stops answering and closes every stream and the server. */
  close(): Promise<void>;
}

/** Starts the agent container and resolves once it listens. */
export async function startDeliveryAgent(
  options: DeliveryAgentContainerOptions = {},
): Promise<DeliveryAgentContainer> {
  const stopping = new AbortController();
  const pace = { pieceMs: options.pieceMs ?? 80, signal: stopping.signal };
  // Replay buffers, sequences and message ids live here, per runtime session, for as long as
  // the process runs: the service routes a session to the same microVM while it lives.
  const delivery = new DeliveryAgent();
  const conversations = new Map<string, Conversation>();

  const http = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/ping") {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ status: "Healthy" }));
    } else {
      response.writeHead(404).end();
    }
  });
  const sockets = new WebSocketServer({ server: http, path: "/ws" });
  sockets.on("connection", (socket, request) => {
    const sessionId = request.headers[SESSION_HEADER];
    if (typeof sessionId !== "string" || sessionId === "") {
      socket.close(1008, "no runtime session id");
      return;
    }
    let conversation = conversations.get(sessionId);
    if (!conversation) conversations.set(sessionId, (conversation = new Conversation(pace)));
    const current = conversation;
    delivery.attach(sessionId, socket, {
      onMessage: (payload, { session }) => current.receive(payload, session),
    });
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(options.port ?? 8080, host, () => resolve());
  });
  const { port } = http.address() as AddressInfo;
  const shownHost = host.includes(":") ? `[${host}]` : host;

  let closing: Promise<void> | undefined;
  return {
    url: `http://${shownHost}:${port}`,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        stopping.abort();
        for (const sessionId of conversations.keys()) delivery.endSession(sessionId);
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        http.close(() => resolve());
        http.closeAllConnections();
      })),
  };
}

// Run directly: `node --conditions=agentcore-react-source --import tsx examples/delivery-agent/agent.ts`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const container = await startDeliveryAgent({ port: Number(process.env.PORT ?? 8080) });
  process.stdout.write(`Delivery agent listening on ${container.url} (GET /ping, WebSocket /ws)\n`);
  process.once("SIGINT", () => void container.close().then(() => process.exit(0)));
}
