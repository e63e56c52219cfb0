import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { textCodec } from "../codecs/text-codec";
import type { Codec } from "../codecs/types";
import type { ConnectionOptions } from "./types";
import {
  connectionUnderTest,
  settle,
  startFakeClockAndRuntime,
  stopFakeClockAndRuntime,
  type MockRuntime,
  type ProviderStep,
} from "./test-utils/harness";

let runtime: MockRuntime;

beforeEach(() => {
  runtime = startFakeClockAndRuntime();
});

afterEach(() => stopFakeClockAndRuntime(runtime));

function setup(
  options: Partial<ConnectionOptions> = {},
  steps?: ProviderStep[],
  initiallyOnline = true,
) {
  return connectionUnderTest({ options, steps, online: initiallyOnline });
}

describe("service limits and heartbeat", () => {
  it("resumes at once on the same session when the stream reaches its 60-minute lifetime, even with 1000", async () => {
    const { connection, sockets, provider, statuses } = setup({
      heartbeat: { intervalMs: 60_000, frame: "{}" },
    });
    connection.connect();
    await settle();
    const sessionId = connection.sessionId;
    await vi.advanceTimersByTimeAsync(60 * 60 * 1000);
    const callsBefore = provider.calls.length;
    provider.script([{ kind: "hang" }]);
    runtime.latest().close({ code: 1000, reason: "", wasClean: false });
    await settle();
    expect(statuses).toEqual(["connecting", "open", "reconnecting", "open"]);
    expect(connection.getSnapshot()).toMatchObject({
      attempt: 0,
      error: null,
      lastCloseCode: 1000,
    });
    expect(connection.sessionId).toBe(sessionId);
    expect(provider.calls).toHaveLength(callsBefore);
    expect(sockets.calls).toHaveLength(2);
    connection.close();
  });

  it("resumes after the 900 s idle close instead of closing for good", async () => {
    const { connection, statuses } = setup();
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(900_000);
    runtime.latest().close({ code: 1000, reason: "idle", wasClean: false });
    await settle();
    expect(statuses).toEqual(["connecting", "open", "reconnecting", "open"]);
    connection.close();
  });

  it("takes 1000 as the agent ending the stream (not a service limit) while traffic flows and the stream is young", async () => {
    const { connection, statuses } = setup();
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(600_000);
    connection.send("recent traffic");
    await settle();
    runtime.latest().send("the answer");
    runtime.latest().close({ code: 1000, reason: "", wasClean: false });
    await settle();
    expect(statuses).toEqual(["connecting", "open", "idle"]);
    expect(connection.getSnapshot().reason).toBe("agent-closed");
  });

  it("sends the heartbeat after intervalMs without traffic either way", async () => {
    const { connection } = setup({ heartbeat: { intervalMs: 30_000, frame: '{"ping":true}' } });
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(20_000);
    runtime.latest().send("incoming text");
    await vi.advanceTimersByTimeAsync(29_000);
    expect(runtime.received).toEqual([]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(runtime.received).toEqual(['{"ping":true}']);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(runtime.received).toEqual(['{"ping":true}', '{"ping":true}']);
    connection.close();
  });

  it("uses the codec's heartbeat() when no frame is given", async () => {
    const beating: Codec<string> = { ...textCodec, name: "beating", heartbeat: () => "beat" };
    const { connection } = setup({ codec: beating, heartbeat: { intervalMs: 10_000 } });
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(runtime.received).toEqual(["beat"]);
    connection.close();
  });
});
