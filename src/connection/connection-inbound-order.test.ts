import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { textCodec } from "../codecs/text-codec";
import type { AgentEvent, Codec, IncomingFrame } from "../codecs/types";
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

afterEach(() => stopFakeClockAndRuntime(runtime));

/** A text codec that makes frames starting with "slow" wait until `release()`. */
function waitingCodec() {
  let release = (): void => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const prepared: string[] = [];
  const codec: Codec<string> = {
    ...textCodec,
    name: "waiting",
    prepare(frame: IncomingFrame) {
      prepared.push(String(frame));
      return String(frame).startsWith("slow") ? gate : undefined;
    },
  };
  return { codec, release, prepared };
}

function deltas(events: AgentEvent[]): string[] {
  return events.flatMap((event) => (event.type === "text-delta" ? [event.delta] : []));
}

describe("frames that wait for the codec", () => {
  it("are delivered in arrival order: later frames wait behind a pending one", async () => {
    const { codec, release, prepared } = waitingCodec();
    const { connection } = connectionUnderTest({ options: { codec } });
    const events: AgentEvent[] = [];
    connection.onEvent((event) => events.push(event));
    connection.connect();
    await settle();
    runtime.latest().send("first");
    runtime.latest().send("slow second");
    runtime.latest().send("third");
    await settle();
    expect(prepared).toEqual(["first", "slow second", "third"]);
    expect(deltas(events)).toEqual(["first"]);
    release();
    await settle();
    expect(deltas(events)).toEqual(["first", "slow second", "third"]);
    runtime.latest().send("fourth");
    await settle();
    expect(deltas(events)).toEqual(["first", "slow second", "third", "fourth"]);
    connection.close();
  });

  it("delivers a run's last frames before the agent's close (1000) is handled", async () => {
    const { codec, release } = waitingCodec();
    const { connection } = connectionUnderTest({ options: { codec } });
    const seen: string[] = [];
    connection.onEvent((event) => {
      if (event.type === "text-delta")
        seen.push(`${event.delta} (${connection.getSnapshot().status})`);
    });
    connection.connect();
    await settle();
    runtime.latest().send("slow last words");
    runtime.latest().close({ code: 1000, reason: "", wasClean: true });
    await settle();
    expect(connection.getSnapshot().status).toBe("open");
    release();
    await settle();
    expect(seen).toEqual(["slow last words (open)"]);
    expect(connection.getSnapshot()).toMatchObject({ status: "idle", reason: "agent-closed" });
  });

  it("drops the waiting frames of a socket the app closed meanwhile", async () => {
    const { codec, release } = waitingCodec();
    const { connection } = connectionUnderTest({ options: { codec } });
    const events: AgentEvent[] = [];
    connection.onEvent((event) => events.push(event));
    connection.connect();
    await settle();
    runtime.latest().send("slow and stale");
    await settle();
    connection.close();
    release();
    await settle();
    expect(events).toEqual([]);
    expect(connection.getSnapshot().status).toBe("closed");
  });

  it("turns a prepare that throws into a frame decoded at once", async () => {
    const codec: Codec<string> = {
      ...textCodec,
      prepare() {
        throw new Error("boom");
      },
    };
    const { connection } = connectionUnderTest({ options: { codec } });
    const events: AgentEvent[] = [];
    connection.onEvent((event) => events.push(event));
    connection.connect();
    await settle();
    runtime.latest().send("still read");
    await settle();
    expect(deltas(events)).toEqual(["still read"]);
    connection.close();
  });
});
