import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { WebSocket, WebSocketServer } from "ws";
import { agUiCodec } from "../../src/codecs/ag-ui-codec";
import { textCodec } from "../../src/codecs/text-codec";
import type { AgentEvent, Codec } from "../../src/codecs/types";
import { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import type { ConnectionSnapshot } from "../../src/connection/types";
import { SESSION_ID_PARAM } from "../../src/signing/runtime-url";
import {
  agUiEvent,
  anyString,
  expectAgentEvents,
  HUGE_FRAMES,
  textCodecObject,
} from "./agent-events";
import { FUZZ_SEED, fuzzTarget, runs } from "./fuzz-report";

/**
 * The connection against a real `ws` server on 127.0.0.1 that sends it arbitrary frames: it
 * must stay open on the same socket, hand listeners only well-formed events, and still deliver
 * the next message. Frames that break the WebSocket protocol itself (invalid UTF-8 in a text
 * frame) make the client close the socket; then it must reconnect and carry on.
 */

interface Server {
  url: string;
  sockets: WebSocket[];
  received: string[];
  close(): Promise<void>;
}

async function startServer(): Promise<Server> {
  const wss = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => wss.once("listening", resolve));
  const sockets: WebSocket[] = [];
  const received: string[] = [];
  wss.on("connection", (socket) => {
    sockets.push(socket);
    socket.on("message", (data) => received.push(data.toString()));
  });
  const { port } = wss.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}/ws`,
    sockets,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}

/** One frame the server sends: text or binary. */
type ServerFrame = { text: string } | { bytes: Uint8Array };

const serverFrame: fc.Arbitrary<ServerFrame> = fc.oneof(
  { arbitrary: anyString.map((text) => ({ text })), weight: 4 },
  { arbitrary: fc.jsonValue().map((value) => ({ text: JSON.stringify(value) })), weight: 2 },
  { arbitrary: agUiEvent.map((event) => ({ text: JSON.stringify(event) })), weight: 4 },
  {
    arbitrary: fc
      .array(agUiEvent, { maxLength: 5 })
      .map((events) => ({ text: JSON.stringify(events) })),
    weight: 2,
  },
  { arbitrary: textCodecObject.map((value) => ({ text: JSON.stringify(value) })), weight: 3 },
  { arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ bytes })), weight: 2 },
  {
    arbitrary: fc
      .constantFrom(...HUGE_FRAMES)
      .map((huge) => (typeof huge === "string" ? { text: huge } : { bytes: huge })),
    weight: 1,
  },
);

function send(socket: WebSocket, frame: ServerFrame): void {
  if ("text" in frame) socket.send(frame.text);
  else socket.send(frame.bytes, { binary: true });
}

function waitFor(
  connection: AgentRuntimeConnection,
  predicate: (snapshot: ConnectionSnapshot) => boolean,
  what: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!predicate(connection.getSnapshot())) return;
      cleanup();
      resolve();
    };
    const unsubscribe = connection.subscribe(check);
    const unlisten = connection.onEvent(check);
    const safetyNet = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${what}`));
    }, 10_000);
    function cleanup() {
      unsubscribe();
      unlisten();
      clearTimeout(safetyNet);
    }
    check();
  });
}

/** A frame each codec decodes into something recognizable, marking the end of a batch. */
const SENTINELS: Record<
  string,
  (n: number) => { frame: string; is: (event: AgentEvent) => boolean }
> = {
  text: (n) => ({
    frame: JSON.stringify({ text: `end-of-batch-${n}` }),
    is: (event) => event.type === "text-delta" && event.delta === `end-of-batch-${n}`,
  }),
  "ag-ui": (n) => ({
    frame: JSON.stringify({ type: "CUSTOM", name: "end-of-batch", value: n }),
    is: (event) => event.type === "custom" && event.name === "end-of-batch" && event.value === n,
  }),
};

/** What a connection fuzz ran; filled in as it goes, so a failure still reports it. */
interface ConnectionFigures {
  cases: number;
  frames: number;
}

async function fuzzConnection(codec: Codec<string>, figures: ConnectionFigures) {
  const server = await startServer();
  let providerCalls = 0;
  const connection = new AgentRuntimeConnection({
    codec,
    WebSocket,
    retry: { initialDelayMs: 5, maxDelayMs: 20 },
    urlProvider: async ({ sessionId }) => {
      providerCalls += 1;
      return {
        url: `${server.url}?${SESSION_ID_PARAM}=${encodeURIComponent(sessionId)}`,
        expiresAt: Date.now() + 300_000,
        sessionId,
      };
    },
  });
  const events: AgentEvent[] = [];
  let sentinel: ReturnType<(typeof SENTINELS)[string]> | undefined;
  let sentinelSeen = false;
  connection.onEvent((event) => {
    events.push(event);
    if (sentinel?.is(event)) sentinelSeen = true;
  });
  const isOpen = (snapshot: ConnectionSnapshot) => snapshot.status === "open";
  try {
    connection.connect();
    await waitFor(connection, isOpen, "the first open");
    await fc.assert(
      fc.asyncProperty(fc.array(serverFrame, { minLength: 1, maxLength: 12 }), async (batch) => {
        figures.cases += 1;
        const cases = figures.cases;
        const socketsBefore = server.sockets.length;
        sentinel = SENTINELS[codec.name]!(cases);
        sentinelSeen = false;
        events.length = 0;
        const socket = server.sockets.at(-1)!;
        for (const frame of batch) send(socket, frame);
        socket.send(sentinel.frame);
        figures.frames += batch.length + 1;
        await waitFor(connection, (snapshot) => isOpen(snapshot) && sentinelSeen, "the batch");
        expectAgentEvents(events);
        // Still the same socket: no frame made it close or reconnect.
        expect(server.sockets).toHaveLength(socketsBefore);
        // And it still delivers.
        connection.send(`ping-${cases}`);
        await new Promise<void>((resolve, reject) => {
          const deadline = Date.now() + 10_000;
          const poll = () => {
            if (server.received.some((frame) => frame.includes(`ping-${cases}`))) return resolve();
            if (Date.now() > deadline) return reject(new Error("the message never arrived"));
            setTimeout(poll, 2);
          };
          poll();
        });
      }),
      { seed: FUZZ_SEED, numRuns: runs(60) },
    );
  } finally {
    connection.close();
    await server.close();
  }
  expect(providerCalls).toBe(1);
}

describe("fuzz: the connection against a server sending arbitrary frames", () => {
  it("with textCodec: stays open on one socket, emits only well-formed events, keeps delivering", async () => {
    const figures = { cases: 0, frames: 0 };
    await fuzzTarget(
      "connection: arbitrary frames (textCodec)",
      () => figures,
      () => fuzzConnection(textCodec, figures),
    );
  }, 60_000);

  it("with agUiCodec: stays open on one socket, emits only well-formed events, keeps delivering", async () => {
    const figures = { cases: 0, frames: 0 };
    await fuzzTarget(
      "connection: arbitrary frames (agUiCodec)",
      () => figures,
      () => fuzzConnection(agUiCodec, figures),
    );
  }, 60_000);

  it("a text frame that is not UTF-8 (a protocol violation) makes it reconnect, then deliver", async () => {
    const server = await startServer();
    const connection = new AgentRuntimeConnection({
      WebSocket,
      retry: { initialDelayMs: 5, maxDelayMs: 20 },
      urlProvider: async ({ sessionId }) => ({
        url: `${server.url}?${SESSION_ID_PARAM}=${encodeURIComponent(sessionId)}`,
        expiresAt: Date.now() + 300_000,
        sessionId,
      }),
    });
    let cases = 0;
    await fuzzTarget(
      "connection: invalid UTF-8 text frames",
      () => ({ cases }),
      async () => {
        try {
          connection.connect();
          await waitFor(connection, (s) => s.status === "open", "the first open");
          await fc.assert(
            fc.asyncProperty(
              fc.uint8Array({ minLength: 1, maxLength: 64 }).filter((bytes) => {
                try {
                  new TextDecoder("utf-8", { fatal: true }).decode(bytes);
                  return false;
                } catch {
                  return true;
                }
              }),
              async (bytes) => {
                cases += 1;
                const socketsBefore = server.sockets.length;
                server.sockets.at(-1)!.send(bytes, { binary: false });
                await waitFor(
                  connection,
                  (s) => s.status === "open" && server.sockets.length === socketsBefore + 1,
                  "the reconnect",
                );
                // The client fails the connection: 1006 (browsers and ws alike report no close frame).
                expect([1006, 1007]).toContain(connection.getSnapshot().lastCloseCode);
              },
            ),
            { seed: FUZZ_SEED, numRuns: runs(15) },
          );
          connection.send("after the violations");
          await new Promise<void>((resolve) => {
            const poll = () =>
              server.received.includes(JSON.stringify({ inputText: "after the violations" }))
                ? resolve()
                : setTimeout(poll, 2);
            poll();
          });
        } finally {
          connection.close();
          await server.close();
        }
      },
    );
  }, 60_000);
});
