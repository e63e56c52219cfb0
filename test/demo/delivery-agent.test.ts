import { afterEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import {
  startDeliveryAgent,
  type DeliveryAgentContainer,
} from "../../examples/delivery-agent/agent";
import { deliveryReply, pieces } from "../../examples/delivery-agent/answer";

const containers: DeliveryAgentContainer[] = [];
afterEach(async () => {
  await Promise.all(containers.splice(0).map((container) => container.close()));
});

/** One stream to the container's /ws, as the emulator opens it, reading `acr-delivery/1`. */
class Stream {
  readonly socket: WebSocket;
  readonly envelopes: Array<{ seq: number; payload: string }> = [];
  readonly control: string[] = [];
  #waiters: Array<() => void> = [];

  constructor(url: string, sessionId: string) {
    this.socket = new WebSocket(`${url.replace("http", "ws")}/ws`, {
      headers: { "x-amzn-bedrock-agentcore-runtime-session-id": sessionId },
    });
    this.socket.on("message", (data) => {
      const frame = String(data);
      const envelope = /^(\d+):(.*)$/s.exec(frame);
      if (envelope) this.envelopes.push({ seq: Number(envelope[1]), payload: envelope[2] ?? "" });
      else this.control.push(frame);
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  opened(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.socket.once("open", () => resolve());
      this.socket.once("error", reject);
    });
  }

  /** Resolves once `condition` holds, checked at every frame. */
  async until(condition: () => boolean): Promise<void> {
    while (!condition()) await new Promise<void>((wake) => this.#waiters.push(wake));
  }

  texts(): string[] {
    return this.envelopes.map(
      ({ payload }) => (JSON.parse(payload) as { text?: string }).text ?? "",
    );
  }
}

const isDone = (payload: string) => (JSON.parse(payload) as { type?: string }).type === "done";

describe("the delivery agent container (examples/delivery-agent)", () => {
  it("answers /ping", async () => {
    const container = await startDeliveryAgent({ port: 0, pieceMs: 1 });
    containers.push(container);
    const response = await fetch(`${container.url}/ping`);
    expect(await response.json()).toEqual({ status: "Healthy" });
  });

  it("goes on answering while the stream is down, and a new stream replays what was missed", async () => {
    const container = await startDeliveryAgent({ port: 0, pieceMs: 2 });
    containers.push(container);
    const first = new Stream(container.url, "session-1");
    await first.opened();
    first.socket.send("@resume - 0");
    await first.until(() => first.control.length > 0);
    const epoch = first.control[0]?.split(" ")[1];
    first.socket.send(`@msg m1 ${JSON.stringify({ inputText: "hi" })}`);
    await first.until(() => first.envelopes.length >= 5);
    first.socket.terminate(); // a drop: no close frame

    const second = new Stream(container.url, "session-1");
    await second.opened();
    const applied = first.envelopes.at(-1)?.seq ?? 0;
    second.socket.send(`@resume ${epoch} ${applied}`);
    await second.until(() => second.envelopes.some(({ payload }) => isDone(payload)));
    expect(second.control[0]).toBe(`@hello ${epoch} ${applied}`);
    expect(second.envelopes[0]?.seq).toBe(applied + 1);
    expect([...first.texts(), ...second.texts()].join("")).toBe(deliveryReply("hi", 1));
    second.socket.close();
  });

  it("ends the answer with a cancelled done on a cancel message", async () => {
    // Slow enough that the cancel arrives long before the answer could end on its own.
    const container = await startDeliveryAgent({ port: 0, pieceMs: 50 });
    containers.push(container);
    const stream = new Stream(container.url, "session-2");
    await stream.opened();
    stream.socket.send("@resume - 0");
    stream.socket.send(`@msg m1 ${JSON.stringify({ inputText: "hi" })}`);
    await stream.until(() => stream.envelopes.length >= 1);
    stream.socket.send(`@msg m2 ${JSON.stringify({ type: "cancel" })}`);
    await stream.until(() => stream.envelopes.some(({ payload }) => isDone(payload)));
    expect(JSON.parse(stream.envelopes.at(-1)?.payload ?? "")).toEqual({
      type: "done",
      cancelled: true,
    });
    expect(stream.texts().join("").length).toBeLessThan(deliveryReply("hi", 1).length);
    stream.socket.close();
  });
});

describe("pieces", () => {
  it("keeps every character, cuts long words, and never splits a surrogate pair", () => {
    const text = `Hello there, ${"x".repeat(100)} 😀${"é".repeat(45)}`;
    const cut = pieces(text);
    expect(cut.join("")).toBe(text);
    expect(cut.every((piece) => Array.from(piece).length <= 40)).toBe(true);
    expect(cut.some((piece) => piece.includes("\uFFFD"))).toBe(false);
    expect(cut.every((piece) => !/^[\uDC00-\uDFFF]/.test(piece))).toBe(true);
  });
});
