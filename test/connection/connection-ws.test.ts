import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket as NodeWebSocket } from "ws";
import type { AgentEvent } from "../../src/codecs/types";
import { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import { AgentRuntimeFrameTooLargeError } from "../../src/connection/errors";
import type { ConnectionOptions, ConnectionSnapshot } from "../../src/connection/types";
import type { UrlProviderContext } from "../../src/providers/types";
import { SESSION_ID_PARAM } from "../../src/signing/runtime-url";
import { inputText, RecordingRuntime, streamAnswer } from "./recording-runtime";

/**
 * The connection against a real `ws` server on 127.0.0.1: real sockets, real close codes, real
 * refused upgrades. Waits on events, never on wall-clock time (the timeout is only a safety net).
 */

let runtime: RecordingRuntime;
const connections: AgentRuntimeConnection[] = [];

beforeEach(async () => {
  runtime = await RecordingRuntime.start();
});

afterEach(async () => {
  for (const connection of connections.splice(0)) connection.close();
  await runtime.stop();
});

function connect(options: Partial<ConnectionOptions> = {}) {
  const providerCalls: UrlProviderContext[] = [];
  let serial = 0;
  const connection = new AgentRuntimeConnection({
    urlProvider: async (context) => {
      providerCalls.push(context);
      serial += 1;
      const query = new URLSearchParams({
        [SESSION_ID_PARAM]: context.sessionId,
        n: String(serial),
      });
      return {
        url: `${runtime.baseUrl}?${query}`,
        expiresAt: Date.now() + 300_000,
        sessionId: context.sessionId,
      };
    },
    WebSocket: NodeWebSocket,
    retry: { initialDelayMs: 10, maxDelayMs: 50 },
    ...options,
  });
  connections.push(connection);
  const events: AgentEvent[] = [];
  connection.onEvent((event) => events.push(event));
  return { connection, events, providerCalls };
}

/** Resolves once `predicate` holds, checked after every snapshot change and every event. */
function until(
  connection: AgentRuntimeConnection,
  predicate: (snapshot: ConnectionSnapshot) => boolean,
  what: string,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!predicate(connection.getSnapshot())) return false;
      cleanup();
      resolve();
      return true;
    };
    const unsubscribe = connection.subscribe(check);
    const unlisten = connection.onEvent(check);
    const safetyNet = setTimeout(() => {
      cleanup();
      reject(new Error(`timed out waiting for ${what}; status ${connection.getSnapshot().status}`));
    }, 10_000);
    function cleanup() {
      unsubscribe();
      unlisten();
      clearTimeout(safetyNet);
    }
    check();
  });
}

const isOpen = (snapshot: ConnectionSnapshot) => snapshot.status === "open";
const answerEnds = (events: AgentEvent[]) =>
  events.filter((event) => event.type === "message-end").length;

describe("AgentRuntimeConnection with Node's ws against a real server", () => {
  it("holds a conversation: frames out as {inputText}, streamed answers in as events", async () => {
    const { connection, events } = connect();
    connection.connect();
    await until(connection, isOpen, "open");
    connection.send("first");
    await until(connection, () => answerEnds(events) === 1, "first answer");
    connection.send("second");
    await until(connection, () => answerEnds(events) === 2, "second answer");
    expect(runtime.received.map(inputText)).toEqual(["first", "second"]);
    const text = events
      .filter(
        (event): event is Extract<AgentEvent, { type: "text-delta" }> =>
          event.type === "text-delta",
      )
      .map((event) => event.delta)
      .join("");
    expect(text).toBe("Hello, worldHello, world");
    expect(runtime.upgrades.every((upgrade) => upgrade.sessionId === connection.sessionId)).toBe(
      true,
    );
  });

  it("decodes binary frames from the server as UTF-8", async () => {
    runtime.behaviour = (_frame, socket) => {
      socket.send(Buffer.from("héllo 😀", "utf8"), { binary: true });
      socket.send(JSON.stringify({ done: true }));
    };
    const { connection, events } = connect();
    connection.connect();
    await until(connection, isOpen, "open");
    connection.send("binary please");
    await until(connection, () => answerEnds(events) === 1, "answer");
    expect(events[0]).toEqual({ type: "text-delta", delta: "héllo 😀" });
  });

  it("joins a character the server split across two binary frames", async () => {
    runtime.behaviour = (_frame, socket) => {
      socket.send(Buffer.from([0x63, 0x61, 0x66, 0xc3]), { binary: true });
      socket.send(Buffer.from([0xa9, 0x21]), { binary: true });
      socket.send(JSON.stringify({ type: "stream_complete" }));
    };
    const { connection, events } = connect();
    connection.connect();
    await until(connection, isOpen, "open");
    connection.send("split please");
    await until(connection, () => answerEnds(events) === 1, "answer");
    expect(events).toEqual([
      { type: "text-delta", delta: "caf" },
      { type: "text-delta", delta: "é!" },
      { type: "message-end" },
    ]);
  });

  it("decodes a new socket with a new decoder: half a character does not outlive its socket", async () => {
    runtime.behaviour = (frame, socket) => {
      if (inputText(frame) === "first") {
        socket.send(Buffer.from([0x61, 0xc3]), { binary: true });
        socket.terminate();
        return;
      }
      socket.send(Buffer.from([0xa9, 0x62]), { binary: true });
      socket.send(JSON.stringify({ done: true }));
    };
    const { connection, events } = connect();
    connection.connect();
    await until(connection, isOpen, "open");
    connection.send("first");
    await until(connection, (snapshot) => snapshot.status === "reconnecting", "the drop");
    connection.send("second");
    await until(connection, () => answerEnds(events) === 1, "the answer on the new socket");
    expect(events.filter((event) => event.type === "text-delta")).toEqual([
      { type: "text-delta", delta: "a" },
      { type: "text-delta", delta: "\uFFFDb" },
    ]);
  });

  it("recovers when the server drops mid-stream, sending what was queued during the outage once", async () => {
    runtime.behaviour = (frame, socket) => {
      if (inputText(frame) === "drop me") {
        socket.send(JSON.stringify({ text: "partial" }));
        socket.terminate();
        return;
      }
      streamAnswer(["ok"])(frame, socket, runtime);
    };
    const { connection, events } = connect();
    connection.connect();
    await until(connection, isOpen, "open");
    connection.send("drop me");
    await until(connection, (snapshot) => snapshot.status === "reconnecting", "the drop");
    expect(connection.getSnapshot().lastCloseCode).toBe(1006);
    connection.send("while down");
    await until(connection, () => answerEnds(events) === 1, "answer after the reconnect");
    expect(runtime.received.map(inputText)).toEqual(["drop me", "while down"]);
    expect(runtime.upgrades).toHaveLength(2);
    expect(runtime.maxConcurrent).toBe(1);
    expect(connection.getSnapshot().outbox.map((entry) => entry.status)).toEqual(["sent", "sent"]);
  });

  it("keeps retrying through refused upgrades (403, 429) and then delivers the queue once", async () => {
    runtime.refuseNext.push(403, 429, 500);
    const { connection, events } = connect();
    connection.send("queued before connecting");
    connection.connect();
    await until(connection, () => answerEnds(events) === 1, "answer");
    expect(runtime.upgrades.map((upgrade) => upgrade.refused)).toEqual([true, true, true, false]);
    expect(runtime.received.map(inputText)).toEqual(["queued before connecting"]);
    // The three refusals count until the stream has stayed open healthyStreamMs.
    expect(connection.getSnapshot()).toMatchObject({ status: "open", attempt: 3 });
  });

  it("re-presigns after 1008 and opens the fresh URL", async () => {
    let closed = false;
    runtime.behaviour = (frame, socket) => {
      if (!closed) {
        closed = true;
        socket.close(1008, "policy");
        return;
      }
      streamAnswer(["fresh"])(frame, socket, runtime);
    };
    const { connection, events, providerCalls } = connect();
    connection.connect();
    await until(connection, isOpen, "open");
    connection.send("trigger 1008");
    await until(
      connection,
      (snapshot) => snapshot.lastCloseCode === 1008 && snapshot.status === "open",
      "reopen after 1008",
    );
    connection.send("after");
    await until(connection, () => answerEnds(events) === 1, "answer");
    expect(providerCalls).toHaveLength(2);
    expect(providerCalls.map((call) => call.sessionId)).toEqual([
      connection.sessionId,
      connection.sessionId,
    ]);
    expect(
      runtime.upgrades.map((upgrade) => new URL(upgrade.url, "http://x").searchParams.get("n")),
    ).toEqual(["1", "2"]);
  });

  it("fails the message the server refused with 1009 and carries on with the rest", async () => {
    runtime.behaviour = (frame, socket) => {
      if (inputText(frame).startsWith("HUGE")) {
        socket.close(1009, "too big");
        return;
      }
      streamAnswer(["fine"])(frame, socket, runtime);
    };
    const { connection, events } = connect();
    connection.connect();
    await until(connection, isOpen, "open");
    const huge = connection.send(`HUGE ${"x".repeat(1_000)}`);
    await until(
      connection,
      (snapshot) => snapshot.lastCloseCode === 1009 && snapshot.status === "open",
      "reopen after 1009",
    );
    const entry = connection.getSnapshot().outbox.find((candidate) => candidate.id === huge)!;
    expect(entry.status).toBe("failed");
    expect(entry.error).toBeInstanceOf(AgentRuntimeFrameTooLargeError);
    connection.send("small");
    await until(connection, () => answerEnds(events) === 1, "answer");
    expect(runtime.received.map((frame) => inputText(frame).slice(0, 5))).toEqual([
      "HUGE ",
      "small",
    ]);
  });

  it("reconnects after 1011 and answers the next message", async () => {
    let failures = 0;
    runtime.behaviour = (frame, socket) => {
      if (failures++ === 0) {
        socket.close(1011, "internal");
        return;
      }
      streamAnswer(["back"])(frame, socket, runtime);
    };
    const { connection, events } = connect();
    connection.connect();
    await until(connection, isOpen, "open");
    connection.send("crash it");
    await until(
      connection,
      (snapshot) => snapshot.lastCloseCode === 1011 && snapshot.status === "open",
      "reopen after 1011",
    );
    connection.send("again");
    await until(connection, () => answerEnds(events) === 1, "answer");
    expect(runtime.received.map(inputText)).toEqual(["crash it", "again"]);
  });

  it("stop() without a cancel frame closes the stream and reopens it on the same session", async () => {
    runtime.behaviour = (frame, socket) => {
      socket.send(JSON.stringify({ text: "a long answer that never ends" }));
    };
    const { connection, events } = connect();
    connection.connect();
    await until(connection, isOpen, "open");
    connection.send("tell me everything");
    await until(connection, () => events.length === 1, "the answer starting");
    const serverSide = runtime.sockets[0]!;
    const serverSawClose = new Promise<number>((resolve) =>
      serverSide.once("close", (code) => resolve(code)),
    );
    connection.stop();
    expect(await serverSawClose).toBe(1000);
    await until(connection, isOpen, "reopen after stop");
    expect(runtime.upgrades).toHaveLength(2);
    expect(new Set(runtime.upgrades.map((upgrade) => upgrade.sessionId))).toEqual(
      new Set([connection.sessionId]),
    );
    expect(runtime.maxConcurrent).toBe(1);
  });

  it("survives a long, rough conversation with no lost or duplicated message", async () => {
    // Message i: 0 answers normally, 1 drops mid-answer, 2 closes 1011, 3 closes 1008 and the
    // next upgrade is refused with 403, 4 answers normally.
    runtime.behaviour = (frame, socket, server) => {
      const index = Number(inputText(frame).slice(1));
      switch (index % 5) {
        case 1:
          socket.send(JSON.stringify({ text: "par" }));
          socket.terminate();
          return;
        case 2:
          socket.close(1011, "");
          return;
        case 3:
          server.refuseNext.push(403);
          socket.close(1008, "");
          return;
        default:
          streamAnswer(["ok"])(frame, socket, server);
      }
    };
    const { connection, events } = connect();
    let drops = 0;
    let wasOpen = false;
    connection.subscribe(() => {
      const open = connection.getSnapshot().status === "open";
      if (wasOpen && !open) drops += 1;
      wasOpen = open;
    });
    connection.connect();
    const total = 25;
    for (let index = 0; index < total; index++) {
      const endsBefore = answerEnds(events);
      const dropsBefore = drops;
      // Sent at once when open, queued while reconnecting (right after a drop).
      connection.send(`m${index}`);
      // The next message goes out once this one is answered or the stream that carried it is gone.
      await until(
        connection,
        () => answerEnds(events) > endsBefore || drops > dropsBefore,
        `message ${index} to be answered or dropped`,
      );
    }
    await until(
      connection,
      (snapshot) => isOpen(snapshot) && snapshot.outbox.every((entry) => entry.status === "sent"),
      "the last flush",
    );
    expect(runtime.received.map(inputText)).toEqual(
      Array.from({ length: total }, (_, index) => `m${index}`),
    );
    expect(drops).toBeGreaterThanOrEqual(15);
    expect(runtime.upgrades.filter((upgrade) => upgrade.refused)).toHaveLength(5);
    expect(runtime.maxConcurrent).toBe(1);
    expect(new Set(runtime.upgrades.map((upgrade) => upgrade.sessionId))).toEqual(
      new Set([connection.sessionId]),
    );
  });

  it("close() ends the server-side stream and a StrictMode-like connect/close/connect opens one socket", async () => {
    const { connection, providerCalls } = connect();
    connection.connect();
    connection.close();
    connection.connect();
    await until(connection, isOpen, "open");
    expect(providerCalls).toHaveLength(1);
    expect(runtime.upgrades).toHaveLength(1);
    const serverSide = runtime.sockets[0]!;
    const serverSawClose = new Promise<void>((resolve) =>
      serverSide.once("close", () => resolve()),
    );
    connection.close();
    await serverSawClose;
    expect(runtime.openCount).toBe(0);
    expect(connection.getSnapshot().status).toBe("closed");
  });
});
