import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AgentRuntimeValidationError } from "../core/errors";
import { AgentRuntimeConnection } from "./agent-runtime-connection";
import type { ConnectionOptions } from "./types";
import {
  connectionUnderTest,
  manualOnlineSource,
  scriptedProvider,
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

describe("hygiene", () => {
  it("close() leaves no timers, socket handlers or online listeners behind", async () => {
    const { connection, sockets, online } = setup({
      heartbeat: { intervalMs: 30_000, frame: "{}" },
    });
    connection.connect();
    await settle();
    expect(online.listenerCount()).toBe(1);
    expect(vi.getTimerCount()).toBeGreaterThanOrEqual(2);
    connection.close();
    await settle();
    expect(vi.getTimerCount()).toBe(0);
    expect(online.listenerCount()).toBe(0);
    const socket = sockets.calls[0]!.socket;
    expect([socket.onopen, socket.onmessage, socket.onclose, socket.onerror]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });

  it("close() during a backoff wait clears the retry timer at once", async () => {
    const { connection } = setup({ retry: { random: () => 0.9, initialDelayMs: 10_000 } });
    connection.connect();
    await settle();
    runtime.latest().close({ code: 1011, reason: "", wasClean: false });
    await settle(5);
    expect(connection.getSnapshot().nextRetryAt).not.toBeNull();
    connection.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a listener that throws does not break the connection or other listeners", async () => {
    const { connection } = setup();
    const seen: string[] = [];
    const unsubscribeBuggy = connection.subscribe(() => {
      throw new Error("listener bug");
    });
    connection.subscribe(() => seen.push(connection.getSnapshot().status));
    // Listener errors are rethrown in a microtask (reported like any uncaught error); catch them here.
    const reported: unknown[] = [];
    const original = globalThis.queueMicrotask;
    const spy = vi.spyOn(globalThis, "queueMicrotask").mockImplementation((callback) =>
      original(() => {
        try {
          callback();
        } catch (error) {
          reported.push(error);
        }
      }),
    );
    try {
      connection.connect();
      await settle();
    } finally {
      spy.mockRestore();
    }
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every((error) => (error as Error).message === "listener bug")).toBe(true);
    expect(seen).toContain("open");
    expect(connection.getSnapshot().status).toBe("open");
    unsubscribeBuggy();
    connection.close();
  });

  it("getSnapshot() returns the same object until something changes", async () => {
    const { connection } = setup();
    const first = connection.getSnapshot();
    expect(connection.getSnapshot()).toBe(first);
    connection.connect();
    const second = connection.getSnapshot();
    expect(second).not.toBe(first);
    expect(connection.getSnapshot()).toBe(second);
    connection.close();
  });
});

describe("options", () => {
  const provider = async () => {
    throw new Error("unused");
  };

  it.each<[string, Partial<ConnectionOptions>]>([
    ["maxFrameBytes", { maxFrameBytes: 0 }],
    ["maxQueuedMessages", { maxQueuedMessages: 1.5 }],
    ["prefetchMarginMs", { prefetchMarginMs: -1 }],
    ["urlSafetyMarginMs", { urlSafetyMarginMs: Number.NaN }],
    ["retry.initialDelayMs", { retry: { initialDelayMs: 0 } }],
    ["retry.maxDelayMs", { retry: { initialDelayMs: 1_000, maxDelayMs: 10 } }],
    ["retry.maxAttempts", { retry: { maxAttempts: 0 } }],
    ["heartbeat.intervalMs", { heartbeat: { intervalMs: 0, frame: "{}" } }],
    ["heartbeat needs a frame", { heartbeat: { intervalMs: 1_000 } }],
  ])("refuses a bad %s with AgentRuntimeValidationError", (_name, options) => {
    expect(() => new AgentRuntimeConnection({ urlProvider: provider, ...options })).toThrow(
      AgentRuntimeValidationError,
    );
  });

  it("refuses a missing urlProvider", () => {
    expect(() => new AgentRuntimeConnection({} as ConnectionOptions)).toThrow(
      /urlProvider must be a function/,
    );
  });

  it("fails with a clear error where there is no WebSocket at all", async () => {
    const original = globalThis.WebSocket;
    vi.stubGlobal("WebSocket", undefined);
    try {
      const connection = new AgentRuntimeConnection({
        urlProvider: scriptedProvider().provider,
        onlineSource: manualOnlineSource(true).source,
      });
      connection.connect();
      await settle();
      expect(connection.getSnapshot().status).toBe("failed");
      expect(connection.getSnapshot().error).toBeInstanceOf(AgentRuntimeValidationError);
      expect(connection.getSnapshot().error!.message).toMatch(/pass options.WebSocket/);
    } finally {
      vi.unstubAllGlobals();
      expect(globalThis.WebSocket).toBe(original);
    }
  });
});
