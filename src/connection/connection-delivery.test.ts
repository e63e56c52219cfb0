import { deliveryProtocol } from "./delivery-link";
import type { DeliveryProtocol } from "./types";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AgentEvent } from "../codecs/types";
import { ACK_AFTER_MS, ACK_EVERY_FRAMES } from "./delivery";
import { RESUME_UNAVAILABLE } from "./delivery-link";
import {
  connectionUnderTest,
  settle,
  startFakeClockAndRuntime,
  stopFakeClockAndRuntime,
  type MockRuntime,
} from "./test-utils/harness";

let runtime: MockRuntime;

beforeEach(() => {
  runtime = startFakeClockAndRuntime();
});

afterEach(async () => {
  await stopFakeClockAndRuntime(runtime);
});

/** A connection with delivery on, recording the agent events it decodes. */
function deliveringConnection(options = {}) {
  const setup = connectionUnderTest({ options: { delivery: deliveryProtocol(), ...options } });
  const events: AgentEvent[] = [];
  setup.connection.onEvent((event) => events.push(event));
  const texts = () => events.flatMap((event) => (event.type === "text-delta" ? [event.delta] : []));
  return { ...setup, events, texts };
}

/** The `@msg` frame the text codec makes of `text`, for the outbox entry `id`. */
const msg = (id: string, text: string) => `@msg ${id} ${JSON.stringify({ inputText: text })}`;
const envelope = (seq: number, text: string) => `${seq}:${JSON.stringify({ text })}`;

describe("a connection with delivery on", () => {
  it("opens each stream with @resume and holds messages until the agent's @hello", async () => {
    const { connection } = deliveringConnection();
    connection.connect();
    const id = connection.send("Hi");
    await settle();
    expect(runtime.received).toEqual(["@resume - 0"]);
    expect(connection.getSnapshot().outbox[0]?.status).toBe("queued");
    runtime.latest().send("@hello e1 0");
    await settle();
    expect(runtime.received).toEqual(["@resume - 0", msg(id, "Hi")]);
    expect(connection.getSnapshot().outbox[0]?.status).toBe("sent");
    connection.close();
  });

  it("hands envelopes to the codec once, in order, dropping replays already applied", async () => {
    const { connection, texts } = deliveringConnection();
    connection.connect();
    await settle();
    runtime.latest().send("@hello e1 0");
    for (const [seq, text] of [
      [1, "a"],
      [2, "b"],
      [2, "b"],
      [1, "a"],
      [3, "c"],
    ] as const) {
      runtime.latest().send(envelope(seq, text));
    }
    await settle();
    expect(texts()).toEqual(["a", "b", "c"]);
    connection.close();
  });

  it("sends a message again on every new stream until @got, with the same id, and then never", async () => {
    const { connection } = deliveringConnection();
    connection.connect();
    const id = connection.send("Hi");
    await settle();
    runtime.latest().send("@hello e1 0");
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(1_000);
    expect(runtime.received.slice(2)).toEqual(["@resume e1 0"]);
    runtime.latest().send("@hello e1 0");
    await settle();
    expect(runtime.received.slice(3)).toEqual([msg(id, "Hi")]);
    runtime.latest().send("@got " + id);
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(1_000);
    runtime.latest().send("@hello e1 0");
    await settle();
    expect(runtime.received.slice(4)).toEqual(["@resume e1 0"]);
    connection.close();
  });

  it("sends again every unacknowledged message, also those the outbox no longer lists", async () => {
    const { connection } = deliveringConnection();
    connection.connect();
    await settle();
    runtime.latest().send("@hello e1 0");
    await settle();
    const ids = Array.from({ length: 20 }, (_, index) => connection.send(`m-${index}`));
    await settle();
    // The outbox keeps the newest sent entries only; the agent acknowledged none.
    expect(connection.getSnapshot().outbox.length).toBeLessThan(ids.length);
    runtime.latest().send(`@got ${ids[0]}`);
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(1_000);
    const before = runtime.received.length;
    runtime.latest().send("@hello e1 0");
    await settle();
    const resent = runtime.received.slice(before);
    expect(resent).toEqual(ids.slice(1).map((id, index) => msg(id, `m-${index + 1}`)));
    connection.close();
  });

  it("resumes after a drop from the last envelope applied, and the answer carries on", async () => {
    const { connection, texts, events } = deliveringConnection();
    connection.connect();
    await settle();
    runtime.latest().send("@hello e1 0");
    runtime.latest().send(envelope(1, "Once "));
    runtime.latest().send(envelope(2, "upon "));
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(1_000);
    expect(runtime.received.at(-1)).toBe("@resume e1 2");
    runtime.latest().send("@hello e1 2");
    runtime.latest().send(envelope(3, "a time"));
    await settle();
    expect(texts()).toEqual(["Once ", "upon ", "a time"]);
    expect(events.some((event) => event.type === "resume-unavailable")).toBe(false);
    connection.close();
  });

  it("reports resume-unavailable when the agent lost frames or restarted", async () => {
    const { connection, events } = deliveringConnection();
    connection.connect();
    await settle();
    runtime.latest().send("@hello e1 0");
    runtime.latest().send(envelope(1, "a"));
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(1_000);
    runtime.latest().send("@hello e1 5");
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(1_000);
    expect(runtime.received.at(-1)).toBe("@resume e1 5");
    runtime.latest().send("@hello e2 0");
    await settle();
    const unavailable = events.filter((event) => event.type === "resume-unavailable");
    expect(unavailable).toEqual([
      { type: "resume-unavailable", reason: "evicted", message: RESUME_UNAVAILABLE.evicted },
      {
        type: "resume-unavailable",
        reason: "agent-restarted",
        message: RESUME_UNAVAILABLE["agent-restarted"],
      },
    ]);
    connection.close();
  });

  it(`acknowledges every ${ACK_EVERY_FRAMES} envelopes, or ${ACK_AFTER_MS} ms after the first`, async () => {
    const { connection } = deliveringConnection();
    connection.connect();
    await settle();
    runtime.latest().send("@hello e1 0");
    for (let seq = 1; seq <= ACK_EVERY_FRAMES + 1; seq++) {
      runtime.latest().send(envelope(seq, "x"));
    }
    await settle();
    expect(runtime.received.filter((frame) => frame.startsWith("@ack"))).toEqual([
      `@ack ${ACK_EVERY_FRAMES}`,
    ]);
    await settle(ACK_AFTER_MS);
    expect(runtime.received.filter((frame) => frame.startsWith("@ack"))).toEqual([
      `@ack ${ACK_EVERY_FRAMES}`,
      `@ack ${ACK_EVERY_FRAMES + 1}`,
    ]);
    await settle(ACK_AFTER_MS * 3);
    expect(runtime.received.filter((frame) => frame.startsWith("@ack"))).toHaveLength(2);
    connection.close();
  });

  it("counts the envelope in maxFrameBytes, heartbeats with @ack, and wraps the cancel frame", async () => {
    const { connection } = deliveringConnection({
      maxFrameBytes: 80,
      heartbeat: { intervalMs: 5_000 },
      codec: {
        name: "test",
        encode: (message: string) => message,
        decode: (data: unknown) => [{ type: "text-delta" as const, delta: String(data) }],
        cancel: () => "CANCEL",
      },
    });
    expect(() => connection.send("x".repeat(70))).toThrow(/frame/i);
    connection.connect();
    await settle();
    runtime.latest().send("@hello e1 0");
    runtime.latest().send("1:hello");
    await settle(6_000);
    expect(runtime.received).toContain("@ack 1");
    connection.stop();
    await settle();
    expect(runtime.received.at(-1)).toMatch(/^@msg [0-9a-f-]{36} CANCEL$/);
    connection.close();
  });

  it("reports frames outside the protocol as errors and applies nothing from them", async () => {
    const { connection, events } = deliveringConnection();
    connection.connect();
    await settle();
    runtime.latest().send("@hello e1 0");
    runtime.latest().send(JSON.stringify({ text: "no envelope" }));
    await settle();
    expect(events).toEqual([expect.objectContaining({ type: "error", code: "delivery" })]);
    connection.close();
  });

  it("refuses a delivery option that is not a protocol", () => {
    expect(() =>
      connectionUnderTest({ options: { delivery: true as unknown as DeliveryProtocol } }),
    ).toThrow(/delivery/);
  });
});
