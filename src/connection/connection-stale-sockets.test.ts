import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

function setup(steps?: ProviderStep[], options: Partial<ConnectionOptions> = {}) {
  return connectionUnderTest({ steps, options });
}

describe("stale sockets", () => {
  it("ignores everything a replaced socket does", async () => {
    const { connection, sockets } = setup();
    const events: unknown[] = [];
    connection.onEvent((event) => events.push(event));
    connection.connect();
    await settle();
    const oldServerSide = runtime.latest();
    const oldSocket = sockets.calls[0]!.socket;
    const staleHandlers = {
      message: oldSocket.onmessage as unknown as (event: { data: unknown }) => void,
      close: oldSocket.onclose as unknown as (event: { code: number; reason: string }) => void,
      open: oldSocket.onopen as unknown as (event: unknown) => void,
    };
    connection.reconnect();
    await settle();
    const before = connection.getSnapshot();
    // Even a handler captured before the swap (as a queued task would hold it) changes nothing.
    staleHandlers.message({ data: "late text" });
    staleHandlers.open({});
    staleHandlers.close({ code: 1000, reason: "" });
    // Whatever the old socket's handlers were, calling them now changes nothing.
    oldSocket.dispatchEvent(new MessageEvent("message", { data: "late text" }));
    oldServerSide.send("late text");
    await settle();
    expect(events).toEqual([]);
    expect(connection.getSnapshot()).toBe(before);
    expect(oldSocket.onmessage).toBeNull();
    expect(oldSocket.onopen).toBeNull();
    connection.close();
  });
});
