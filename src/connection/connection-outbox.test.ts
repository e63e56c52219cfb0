import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AgentRuntimeValidationError } from "../core/errors";
import { agUiCodec } from "../codecs/ag-ui-codec";
import type { AgentRuntimeConnection } from "./agent-runtime-connection";
import {
  AgentRuntimeFrameTooLargeError,
  AgentRuntimeOutboxFullError,
  AgentRuntimeUnknownMessageError,
} from "./errors";
import { SENT_ENTRIES_KEPT } from "./outbox";
import type { ConnectionOptions } from "./types";
import {
  settle,
  startMockRuntime,
  type MockRuntime,
  type ProviderStep,
  connectionUnderTest,
} from "./test-utils/harness";

let runtime: MockRuntime;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2030-01-01T00:00:00Z") });
  runtime = startMockRuntime();
});

afterEach(async () => {
  await runtime.stop();
  vi.useRealTimers();
});

function setup(options: Partial<ConnectionOptions> = {}, steps?: ProviderStep[]) {
  return connectionUnderTest({ options, steps });
}

const frame = (text: string) => JSON.stringify({ inputText: text });
const statuses = (connection: AgentRuntimeConnection) =>
  connection.getSnapshot().outbox.map((entry) => `${entry.message}:${entry.status}`);

describe("outbox", () => {
  it("queues while not open and does not connect by itself", async () => {
    const { connection, provider, sockets } = setup();
    const id = connection.send("hello");
    await settle();
    expect(connection.getSnapshot().outbox).toEqual([{ id, message: "hello", status: "queued" }]);
    expect(connection.getSnapshot().status).toBe("idle");
    expect(provider.calls).toHaveLength(0);
    expect(sockets.calls).toHaveLength(0);
  });

  it("flushes queued messages in order on open, then sends new ones at once", async () => {
    const { connection } = setup();
    const ids = ["one", "two", "three"].map((text) => connection.send(text));
    expect(new Set(ids).size).toBe(3);
    connection.connect();
    await settle();
    expect(statuses(connection)).toEqual(["one:sent", "two:sent", "three:sent"]);
    connection.send("four");
    expect(statuses(connection).at(-1)).toBe("four:sent");
    await settle();
    expect(runtime.received).toEqual(["one", "two", "three", "four"].map(frame));
    connection.close();
  });

  it("never sends a message twice and loses nothing queued across reconnects", async () => {
    const { connection } = setup();
    connection.connect();
    await settle();
    connection.send("a");
    connection.send("b");
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    // The socket is CLOSING now: a send must wait for the next open, not vanish.
    connection.send("c");
    await settle(5);
    expect(connection.getSnapshot().status).toBe("reconnecting");
    connection.send("d");
    expect(statuses(connection)).toEqual(["a:sent", "b:sent", "c:queued", "d:queued"]);
    await settle(300);
    expect(connection.getSnapshot().status).toBe("open");
    runtime.latest().close({ code: 1011, reason: "", wasClean: false });
    // The stream had not proved healthy yet: this is the second failed attempt (ceiling 1000 ms).
    await settle(600);
    expect(connection.getSnapshot().status).toBe("open");
    expect(runtime.received).toEqual(["a", "b", "c", "d"].map(frame));
    expect(statuses(connection)).toEqual(["a:sent", "b:sent", "c:sent", "d:sent"]);
    connection.close();
  });

  it("keeps queued messages through close() and sends them on the next connect()", async () => {
    const { connection } = setup();
    connection.send("kept");
    connection.close();
    connection.connect();
    await settle();
    expect(runtime.received).toEqual([frame("kept")]);
    connection.close();
  });

  it("refuses a message when maxQueuedMessages are queued, with a typed error", () => {
    const { connection } = setup({ maxQueuedMessages: 2 });
    connection.send("1");
    connection.send("2");
    const before = connection.getSnapshot();
    let error: unknown;
    try {
      connection.send("3");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AgentRuntimeOutboxFullError);
    expect((error as AgentRuntimeOutboxFullError).limit).toBe(2);
    expect(connection.getSnapshot()).toBe(before);
  });

  it("keeps only the most recent sent entries, never dropping queued or failed ones", async () => {
    const { connection } = setup();
    connection.connect();
    await settle();
    for (let index = 0; index < 40; index++) connection.send(`m${index}`);
    const { outbox } = connection.getSnapshot();
    expect(outbox.length).toBeLessThanOrEqual(SENT_ENTRIES_KEPT);
    expect(outbox.at(-1)!.message).toBe("m39");
    await settle();
    expect(runtime.received).toHaveLength(40);
    connection.close();
  });
});

describe("frame size, in UTF-8 bytes", () => {
  // {"inputText":"..."} adds 16 bytes around the text.
  const OVERHEAD = frame("").length;

  it("accepts a frame of exactly maxFrameBytes and refuses one byte more", () => {
    const { connection } = setup();
    expect(() => connection.send("a".repeat(32_768 - OVERHEAD))).not.toThrow();
    expect(() => connection.send("a".repeat(32_768 - OVERHEAD + 1))).toThrow(
      AgentRuntimeFrameTooLargeError,
    );
  });

  it("counts bytes, not characters: multi-byte text just over the limit is refused", async () => {
    const { connection } = setup();
    connection.connect();
    await settle();
    // 2-byte "é": 16 376 of them and one "a" make a 32 769-byte frame of 16 393 characters.
    expect(OVERHEAD).toBe(16);
    const text = `${"é".repeat(16_376)}a`;
    expect(frame(text).length).toBeLessThan(32_768);
    let error: unknown;
    try {
      connection.send(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AgentRuntimeFrameTooLargeError);
    expect(error).toMatchObject({ bytes: 32_769, limit: 32_768 });
    // 4-byte emoji (2 UTF-16 units each): 8 188 of them fill the frame to exactly 32 768 bytes.
    expect(() => connection.send("😀".repeat(8_189))).toThrow(AgentRuntimeFrameTooLargeError);
    expect(() => connection.send("😀".repeat(8_188))).not.toThrow();
    await settle();
    expect(runtime.received).toHaveLength(1);
    expect(connection.getSnapshot().outbox).toHaveLength(1);
    connection.close();
  });

  it("honours a custom maxFrameBytes", () => {
    const { connection } = setup({ maxFrameBytes: 21 });
    expect(() => connection.send("12345")).not.toThrow();
    expect(() => connection.send("123456")).toThrow(/22 bytes \(UTF-8\); the limit is 21 bytes/);
  });
});

describe("1009 and retry()", () => {
  it("marks the message the runtime refused as failed, reconnects, and re-sends it only on retry()", async () => {
    const { connection } = setup();
    connection.connect();
    await settle();
    connection.send("fine");
    const big = connection.send("too big for the runtime");
    await settle();
    runtime.latest().close({ code: 1009, reason: "", wasClean: false });
    await settle(5);
    const failed = connection.getSnapshot().outbox.find((entry) => entry.id === big)!;
    expect(failed.status).toBe("failed");
    expect(failed.error).toBeInstanceOf(AgentRuntimeFrameTooLargeError);
    expect((failed.error as AgentRuntimeFrameTooLargeError).limit).toBeUndefined();
    expect(statuses(connection)[0]).toBe("fine:sent");
    await settle(300);
    expect(connection.getSnapshot().status).toBe("open");
    expect(runtime.received).toEqual([frame("fine"), frame("too big for the runtime")]);
    connection.retry(big);
    expect(connection.getSnapshot().outbox.at(-1)).toEqual({
      id: big,
      message: "too big for the runtime",
      status: "sent",
    });
    await settle();
    expect(runtime.received).toHaveLength(3);
    connection.close();
  });

  it("retry() re-queues at the end and sends when open; it ignores entries that are not failed", async () => {
    const { connection } = setup();
    connection.connect();
    await settle();
    const big = connection.send("x");
    await settle();
    runtime.latest().close({ code: 1009, reason: "", wasClean: false });
    await settle(5);
    connection.send("queued-first");
    connection.retry(big);
    expect(statuses(connection)).toEqual(["queued-first:queued", "x:queued"]);
    connection.retry(big);
    expect(statuses(connection)).toEqual(["queued-first:queued", "x:queued"]);
    await settle(300);
    expect(runtime.received).toEqual([frame("x"), frame("queued-first"), frame("x")]);
    expect(() => connection.retry("no-such-id")).toThrow(AgentRuntimeUnknownMessageError);
    connection.dismiss(big);
    expect(connection.getSnapshot().outbox.map((entry) => entry.message)).toEqual(["queued-first"]);
    connection.close();
  });
});

describe("encoding", () => {
  it("encodes queued messages with the session id adopted before the first open", async () => {
    const bound = "bound-nonce-0123456789.abcdefghijklmnopqrst";
    const { connection } = setup({ codec: agUiCodec }, [{ kind: "ok", sessionId: bound }]);
    const id = connection.send("hi");
    connection.connect();
    await settle();
    const input = JSON.parse(runtime.received[0]!);
    expect(input.threadId).toBe(bound);
    expect(input.messages).toEqual([{ id, role: "user", content: "hi" }]);
    connection.close();
  });

  it("refuses a message the codec cannot encode with a typed error, queueing nothing", () => {
    const { connection } = setup();
    expect(() => connection.send(42 as unknown as string)).toThrow(
      new AgentRuntimeValidationError(
        "textCodec message must be a string or { text, attachments } (got a number)",
      ),
    );
    expect(connection.getSnapshot().outbox).toHaveLength(0);
  });
});
