/**
 * The delivery example agent (examples/delivery-agent: turn counting, slow answers in pieces)
 * as an agent container for a test stack, with the delivery helper imported by path: a global
 * setup resolves package names without the source condition, which a fresh clone needs.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { WebSocketServer } from "ws";
import { Conversation } from "../../examples/delivery-agent/conversation";
import { DeliveryAgent } from "../../src/agent";

const SESSION_HEADER = "x-amzn-bedrock-agentcore-runtime-session-id";

/** Starts the container on a loopback port; `url` is what the emulator's `forward` takes. */
export async function startDeliveryContainer(
  pieceMs: number,
): Promise<{ url: string; close: () => Promise<void> }> {
  const stopping = new AbortController();
  const delivery = new DeliveryAgent();
  const conversations = new Map<string, Conversation>();
  const http = createServer((request, response) => {
    if (request.url === "/ping") response.end(JSON.stringify({ status: "Healthy" }));
    else response.writeHead(404).end();
  });
  const sockets = new WebSocketServer({ server: http, path: "/ws" });
  sockets.on("connection", (socket, request) => {
    const sessionId = request.headers[SESSION_HEADER];
    if (typeof sessionId !== "string") return socket.close(1008, "no runtime session id");
    let conversation = conversations.get(sessionId);
    if (!conversation) {
      conversation = new Conversation({ pieceMs, signal: stopping.signal });
      conversations.set(sessionId, conversation);
    }
    const current = conversation;
    delivery.attach(sessionId, socket, {
      onMessage: (payload, { session }) => current.receive(payload, session),
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        stopping.abort();
        for (const sessionId of conversations.keys()) delivery.endSession(sessionId);
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}
