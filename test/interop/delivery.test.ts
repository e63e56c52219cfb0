import { deliveryProtocol } from "../../src/delivery";
import { DEMO_CREDENTIALS, startEmulator, type Emulator } from "agentcore-react-emulator";
import { afterEach, describe, expect, it } from "vitest";
import type { AgentEvent, AgentRuntimeConnection, Codec } from "../../src/index";
import { DeliveryAgentProcess } from "./delivery-agent-process";
import { connectionTo } from "./interop-stack";

/**
 * The delivery protocol end to end: the library's connection (Node `ws`, delivery on) through
 * the emulator's runtime to the Python agent-side helper served by Uvicorn, with the emulator
 * dropping the stream (no close frame) mid-answer.
 */

/** Sends strings as they are; every agent payload is one text delta. */
const rawCodec: Codec<string> = {
  name: "raw",
  encode: (message) => message,
  decode: (frame) => [{ type: "text-delta", delta: String(frame) }],
};

let agent: DeliveryAgentProcess | undefined;
let emulator: Emulator | undefined;
let connection: AgentRuntimeConnection<string> | undefined;

afterEach(async () => {
  connection?.close();
  await emulator?.close();
  await agent?.stop();
});

async function stack() {
  agent = await DeliveryAgentProcess.start();
  emulator = await startEmulator({ credentials: DEMO_CREDENTIALS, forward: agent.url });
  connection = connectionTo(emulator, rawCodec, { delivery: deliveryProtocol() });
  const deltas: string[] = [];
  const events: AgentEvent[] = [];
  const statuses = new Set<string>();
  connection.subscribe(() => statuses.add(connection!.getSnapshot().status));
  connection.onEvent((event) => {
    events.push(event);
    if (event.type === "text-delta") deltas.push(event.delta);
  });
  return { emulator, connection, deltas, events, statuses };
}

/** Resolves once `deltas` holds `count` entries; the deadline only catches a hang. */
async function received(deltas: string[], count: number): Promise<void> {
  await expect
    .poll(() => deltas.length, { timeout: 60_000, interval: 20 })
    .toBeGreaterThanOrEqual(count);
}

const frames = (tag: string, count: number) =>
  Array.from({ length: count }, (_, index) => `${tag}#${index + 1}`);

describe("delivery on, over the emulator, with the Python agent-side helper", () => {
  it("carries an answer across a dropped stream: every frame once, in order", async () => {
    const setup = await stack();
    // @hello, @got, then 6 envelopes reach the client before the stream drops (1006).
    setup.emulator.faults.dropAfterFrames(8, { direction: "out" });
    setup.connection.connect();
    setup.connection.send("later:30:a:15");
    await received(setup.deltas, 30);
    expect(setup.deltas).toEqual(frames("a", 30));
    expect(setup.statuses).toContain("reconnecting");
    expect(setup.events.filter((event) => event.type === "resume-unavailable")).toEqual([]);
  });

  it("delivers a message and its answer once when the stream drops right after the agent took it", async () => {
    const setup = await stack();
    setup.connection.connect();
    setup.connection.send("count:2:first");
    await received(setup.deltas, 2);
    setup.emulator.faults.dropAfterFrames(1, { direction: "out" });
    setup.connection.send("count:3:second");
    await received(setup.deltas, 5);
    setup.connection.send("count:1:third");
    await received(setup.deltas, 6);
    expect(setup.deltas).toEqual([...frames("first", 2), ...frames("second", 3), "third#1"]);
    expect(setup.statuses).toContain("reconnecting");
  });

  it("reports resume-unavailable when the agent restarted and lost its buffer", async () => {
    const setup = await stack();
    setup.connection.connect();
    setup.connection.send("count:2:before");
    await received(setup.deltas, 2);
    agent = await agent!.restart();
    await expect
      .poll(() => setup.events.some((event) => event.type === "resume-unavailable"), {
        timeout: 60_000,
      })
      .toBe(true);
    expect(setup.events.find((event) => event.type === "resume-unavailable")).toMatchObject({
      reason: "agent-restarted",
    });
    setup.connection.send("count:1:after");
    await received(setup.deltas, 3);
    expect(setup.deltas).toEqual([...frames("before", 2), "after#1"]);
  });
});
