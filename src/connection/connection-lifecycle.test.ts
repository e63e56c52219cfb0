import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { textCodec } from "../codecs/text-codec";
import type { Codec } from "../codecs/types";
import { AgentRuntimeValidationError } from "../core/errors";
import { AgentRuntimeConnection } from "./agent-runtime-connection";
import { CLOSE_WAIT_MS } from "./socket-slot";
import type { ConnectionOptions } from "./types";
import {
  manualOnlineSource,
  scriptedProvider,
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

function setup(
  options: Partial<ConnectionOptions> = {},
  steps?: ProviderStep[],
  initiallyOnline = true,
) {
  return connectionUnderTest({ options, steps, online: initiallyOnline });
}

describe("stop()", () => {
  it("without a cancel frame, closes the stream and reopens it on the same session", async () => {
    const { connection, sockets, provider, statuses } = setup();
    connection.connect();
    await settle();
    const sessionId = connection.sessionId;
    const first = runtime.latest();
    connection.stop();
    expect(connection.getSnapshot().status).toBe("reconnecting");
    await settle();
    expect(first.readyState).toBe(3);
    expect(sockets.calls).toHaveLength(2);
    expect(provider.calls).toHaveLength(1);
    expect(connection.sessionId).toBe(sessionId);
    expect(statuses).toEqual(["connecting", "open", "reconnecting", "open"]);
    expect(runtime.openCount()).toBe(1);
    expect(connection.getSnapshot().attempt).toBe(0);
    connection.close();
  });

  it("with a cancel frame, sends it and keeps the stream", async () => {
    const cancelling: Codec<string> = {
      ...textCodec,
      name: "cancelling",
      cancel: ({ sessionId }) => `{"cancel":"${sessionId}"}`,
    };
    const { connection, sockets } = setup({ codec: cancelling });
    connection.connect();
    await settle();
    connection.send("long question");
    connection.stop();
    await settle();
    expect(runtime.received).toEqual([
      JSON.stringify({ inputText: "long question" }),
      `{"cancel":"${connection.sessionId}"}`,
    ]);
    expect(sockets.calls).toHaveLength(1);
    expect(connection.getSnapshot().status).toBe("open");
    connection.close();
  });

  it("does nothing unless the stream is open", async () => {
    const { connection, sockets, statuses } = setup();
    connection.stop();
    connection.connect();
    connection.stop();
    await settle();
    expect(sockets.calls).toHaveLength(1);
    expect(statuses).toEqual(["connecting", "open"]);
    connection.close();
  });
});

describe("one socket at a time (StrictMode mounts twice)", () => {
  it("connect(); close(); connect() asks the provider once and opens one socket", async () => {
    const { connection, sockets, provider } = setup();
    connection.connect();
    connection.close();
    connection.connect();
    await settle();
    expect(provider.calls).toHaveLength(1);
    expect(sockets.calls).toHaveLength(1);
    expect(runtime.openCount()).toBe(1);
    expect(connection.getSnapshot().status).toBe("open");
    connection.close();
  });

  it("the same with a ready URL cached from an earlier open", async () => {
    const { connection, sockets, provider } = setup();
    connection.connect();
    await settle();
    connection.close();
    connection.connect();
    connection.close();
    connection.connect();
    await settle();
    expect(provider.calls).toHaveLength(1);
    expect(sockets.calls).toHaveLength(2);
    expect(runtime.openCount()).toBe(1);
    connection.close();
  });

  it("close() while the provider is answering aborts it and ignores its late answer", async () => {
    const { connection, sockets, provider } = setup({}, [{ kind: "ok", delayMs: 1_000 }]);
    connection.connect();
    await settle(0);
    expect(provider.calls).toHaveLength(1);
    expect(provider.calls[0]!.signal.aborted).toBe(false);
    connection.close();
    expect(provider.calls[0]!.signal.aborted).toBe(true);
    await settle(2_000);
    expect(sockets.calls).toHaveLength(0);
    expect(connection.getSnapshot().status).toBe("closed");
  });

  it("close() while the socket is still connecting leaves no live socket", async () => {
    const { connection, sockets } = setup();
    connection.connect();
    await settle(0);
    expect(sockets.calls).toHaveLength(1);
    connection.close();
    connection.connect();
    await settle();
    expect(sockets.calls).toHaveLength(2);
    expect(runtime.openCount()).toBe(1);
    expect(sockets.calls[0]!.socket.readyState).toBe(3);
    connection.close();
    await settle();
    expect(runtime.openCount()).toBe(0);
  });
});

describe("waiting for a closed socket before opening the next", () => {
  it("opens the new socket only after the old one reported its close", async () => {
    const { connection, sockets } = setup();
    connection.connect();
    await settle();
    const first = sockets.calls[0]!.socket;
    connection.stop();
    await vi.advanceTimersByTimeAsync(1);
    expect(first.readyState).toBe(2);
    expect(sockets.calls).toHaveLength(1);
    await settle();
    expect(first.readyState).toBe(3);
    expect(sockets.calls).toHaveLength(2);
    expect(runtime.openCount()).toBe(1);
    connection.close();
  });

  it("gives up on a socket that never reports its close after CLOSE_WAIT_MS, once", async () => {
    const created: StuckSocket[] = [];
    class StuckSocket {
      readyState = 0;
      binaryType = "blob";
      onopen: ((event: unknown) => void) | null = null;
      onmessage: ((event: unknown) => void) | null = null;
      onclose: ((event: unknown) => void) | null = null;
      onerror: ((event: unknown) => void) | null = null;
      constructor() {
        created.push(this);
        queueMicrotask(() => {
          this.readyState = 1;
          this.onopen?.({});
        });
      }
      send(): void {}
      close(): void {
        this.readyState = 2; // and never a close event
      }
    }
    const { connection } = setup({ WebSocket: StuckSocket });
    connection.connect();
    await settle(0);
    expect(connection.getSnapshot().status).toBe("open");
    connection.reconnect();
    await vi.advanceTimersByTimeAsync(CLOSE_WAIT_MS - 1);
    expect(created).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(created).toHaveLength(2);
    expect(connection.getSnapshot().status).toBe("open");
    connection.close();
    connection.connect();
    await vi.advanceTimersByTimeAsync(CLOSE_WAIT_MS);
    expect(created).toHaveLength(3);
    connection.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("online / offline", () => {
  it("waits while offline and connects at once when the network returns", async () => {
    const { connection, provider, online } = setup({}, undefined, false);
    connection.connect();
    await settle(60_000);
    expect(connection.getSnapshot()).toMatchObject({
      status: "connecting",
      online: false,
      reason: expect.stringMatching(/offline/),
    });
    expect(provider.calls).toHaveLength(0);
    online.set(true);
    await settle();
    expect(connection.getSnapshot()).toMatchObject({ status: "open", online: true });
    connection.close();
  });

  it("pauses the backoff while offline and retries the moment it is back", async () => {
    const { connection, sockets, online } = setup({
      retry: { random: () => 0.99, initialDelayMs: 20_000 },
    });
    connection.connect();
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(5);
    expect(connection.getSnapshot().nextRetryAt).not.toBeNull();
    online.set(false);
    expect(connection.getSnapshot()).toMatchObject({
      status: "reconnecting",
      nextRetryAt: null,
      online: false,
    });
    await settle(120_000);
    expect(sockets.calls).toHaveLength(1);
    online.set(true);
    await settle();
    expect(sockets.calls).toHaveLength(2);
    expect(connection.getSnapshot().status).toBe("open");
    connection.close();
  });

  it("does not schedule retries for failures that happen offline", async () => {
    const { connection, online, sockets } = setup();
    connection.connect();
    await settle();
    online.set(false);
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(5);
    expect(connection.getSnapshot()).toMatchObject({
      status: "reconnecting",
      attempt: 1,
      nextRetryAt: null,
    });
    expect(vi.getTimerCount()).toBe(0);
    await settle(120_000);
    expect(sockets.calls).toHaveLength(1);
    online.set(true);
    await settle();
    expect(connection.getSnapshot().status).toBe("open");
    connection.close();
  });

  it("does not open a socket when the network goes while the provider is answering", async () => {
    const { connection, online, sockets, provider } = setup({}, [{ kind: "ok", delayMs: 1_000 }]);
    connection.connect();
    await settle(10);
    expect(provider.calls).toHaveLength(1);
    online.set(false);
    await settle(2_000);
    expect(sockets.calls).toHaveLength(0);
    expect(connection.getSnapshot()).toMatchObject({ status: "connecting", online: false });
    online.set(true);
    await settle();
    expect(sockets.calls).toHaveLength(1);
    expect(connection.getSnapshot().status).toBe("open");
    connection.close();
  });

  it("leaves an open stream alone when the browser reports offline", async () => {
    const { connection, online, sockets } = setup();
    connection.connect();
    await settle();
    online.set(false);
    await settle(5_000);
    expect(connection.getSnapshot()).toMatchObject({ status: "open", online: false });
    expect(sockets.calls[0]!.socket.readyState).toBe(1);
    connection.close();
  });
});

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

  it("still treats 1000 as final while traffic flows and the stream is young", async () => {
    const { connection, statuses } = setup();
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(600_000);
    connection.send("recent traffic");
    await settle();
    runtime.latest().close({ code: 1000, reason: "", wasClean: false });
    await settle();
    expect(statuses).toEqual(["connecting", "open", "closed"]);
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
