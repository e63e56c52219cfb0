/**
 * The conformance agent in TypeScript (test/delivery/conformance.test.ts describes the
 * contract every language's agent implements): `agentcore-react/agent` behind a `ws` server.
 *
 *   node --import tsx test/delivery/agents/node-agent.ts --port 0
 *     [--max-buffer-bytes N] [--max-buffer-age-ms N]
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { WebSocketServer } from "ws";
import {
  DeliveryAgent,
  DeliveryFrameTooLargeError,
  type DeliverySession,
} from "../../../src/agent";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    "max-buffer-bytes": { type: "string" },
    "max-buffer-age-ms": { type: "string" },
  },
});
const numberOf = (text: string | undefined) => (text === undefined ? undefined : Number(text));

const agent = new DeliveryAgent({
  maxBufferBytes: numberOf(values["max-buffer-bytes"]),
  maxBufferAgeMs: numberOf(values["max-buffer-age-ms"]),
});

function sendBig(session: DeliverySession, bytes: number): void {
  try {
    session.send("x".repeat(bytes));
  } catch (error) {
    if (!(error instanceof DeliveryFrameTooLargeError)) throw error;
    session.send("too-large");
  }
}

function sendLater(session: DeliverySession, count: number, tag: string, ms: number): void {
  let sent = 0;
  const timer = setInterval(() => {
    sent += 1;
    session.send(`${tag}#${sent}`);
    if (sent >= count) clearInterval(timer);
  }, ms);
}

/** The conformance app: what a new message's payload asks for. */
function answer(session: DeliverySession, payload: string): void {
  const count = /^count:(\d+):([^:]*)$/.exec(payload);
  const later = /^later:(\d+):([^:]*):(\d+)$/.exec(payload);
  const big = /^big:(\d+)$/.exec(payload);
  if (count) {
    for (let index = 1; index <= Number(count[1]); index++) session.send(`${count[2]}#${index}`);
  } else if (later) {
    sendLater(session, Number(later[1]), later[2] ?? "", Number(later[3]));
  } else if (big) {
    sendBig(session, Number(big[1]));
  } else {
    session.send(`echo:${payload}`);
  }
}

const server = createServer((_request, response) => response.writeHead(404).end());
const sockets = new WebSocketServer({ server, path: "/ws" });
sockets.on("connection", (socket, request) => {
  const header = request.headers["x-amzn-bedrock-agentcore-runtime-session-id"];
  const query = new URL(request.url ?? "/", "http://agent").searchParams.get("session");
  const sessionId = (typeof header === "string" ? header : undefined) ?? query;
  if (!sessionId) return socket.close(1008, "no session id");
  agent.attach(sessionId, socket, {
    onMessage: (payload, { session }) => answer(session, payload),
  });
});
server.listen(Number(values.port), "127.0.0.1", () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
