import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AgentRuntimeConnection } from "./agent-runtime-connection";
import { AgentRuntimeSocketClosedError } from "./errors";
import type { ConnectionOptions } from "./types";
import {
  connectionUnderTest,
  settle,
  startFakeClockAndRuntime,
  startMockRuntime,
  stopFakeClockAndRuntime,
  type MockRuntime,
  type ProviderStep,
} from "./test-utils/harness";

let runtime: MockRuntime;

beforeEach(() => {
  runtime = startFakeClockAndRuntime();
});

afterEach(() => stopFakeClockAndRuntime(runtime));

/** Every backoff delay the connection announces, measured when it announces it. */
function recordDelays(connection: AgentRuntimeConnection): number[] {
  const delays: number[] = [];
  let last: number | null = null;
  connection.subscribe(() => {
    const { nextRetryAt } = connection.getSnapshot();
    if (nextRetryAt !== null && nextRetryAt !== last) delays.push(nextRetryAt - Date.now());
    last = nextRetryAt;
  });
  return delays;
}

function setup(steps?: ProviderStep[], options: Partial<ConnectionOptions> = {}) {
  return connectionUnderTest({ steps, options });
}

describe("state machine", () => {
  it("starts idle with a random 36-character session id and touches nothing", () => {
    const { connection, sockets, provider } = setup();
    const snapshot = connection.getSnapshot();
    expect(snapshot.status).toBe("idle");
    expect(snapshot.sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(connection.sessionId).toBe(snapshot.sessionId);
    expect(provider.calls).toHaveLength(0);
    expect(sockets.calls).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("goes idle -> connecting -> open, asking the provider for this session", async () => {
    const { connection, sockets, provider, statuses } = setup();
    connection.connect();
    expect(connection.getSnapshot().status).toBe("connecting");
    await settle();
    expect(statuses).toEqual(["connecting", "open"]);
    expect(provider.calls).toHaveLength(1);
    expect(provider.calls[0]).toMatchObject({ sessionId: connection.sessionId, attempt: 0 });
    expect(sockets.calls.map((call) => call.url)).toEqual([provider.issued[0]!.url]);
    expect(runtime.openCount()).toBe(1);
    connection.close();
  });

  it("ignores connect() while connecting or open", async () => {
    const { connection, provider, sockets } = setup();
    connection.connect();
    connection.connect();
    await settle();
    connection.connect();
    await settle();
    expect(provider.calls).toHaveLength(1);
    expect(sockets.calls).toHaveLength(1);
    connection.close();
  });

  it("passes the provider's subprotocols to the WebSocket", async () => {
    const { connection, sockets } = setup([
      { kind: "ok", protocols: ["base64UrlBearerAuthorization", "abc"] },
    ]);
    connection.connect();
    await settle();
    expect(sockets.calls[0]!.protocols).toEqual(["base64UrlBearerAuthorization", "abc"]);
    connection.close();
  });

  it("after 1000 from the agent rests idle, and the next send() reopens on the same session", async () => {
    const { connection, statuses, sockets } = setup();
    connection.connect();
    await settle();
    const sessionId = connection.sessionId;
    runtime.latest().close({ code: 1000, reason: "run finished", wasClean: true });
    await settle();
    expect(connection.getSnapshot()).toMatchObject({
      status: "idle",
      reason: "agent-closed",
      lastCloseCode: 1000,
      error: null,
    });
    expect(vi.getTimerCount()).toBe(0);
    expect(sockets.calls).toHaveLength(1);
    connection.send("next turn");
    await settle();
    expect(statuses).toEqual(["connecting", "open", "idle", "connecting", "open"]);
    expect(sockets.calls).toHaveLength(2);
    expect(connection.sessionId).toBe(sessionId);
    expect(runtime.received).toEqual([JSON.stringify({ inputText: "next turn" })]);
    connection.close();
  });

  it("stays closed after the app's close(): a send() then only queues", async () => {
    const { connection, sockets } = setup();
    connection.connect();
    await settle();
    connection.close();
    connection.send("queued");
    await settle();
    expect(connection.getSnapshot().status).toBe("closed");
    expect(sockets.calls).toHaveLength(1);
    expect(connection.getSnapshot().outbox.map((entry) => entry.status)).toEqual(["queued"]);
  });

  it.each([1001, 1006, 1011, 4000])(
    "reconnects after close code %i with backoff, on the same session, reusing the ready URL",
    async (code) => {
      const { connection, provider, sockets, statuses } = setup();
      const delays = recordDelays(connection);
      connection.connect();
      await settle();
      const sessionId = connection.sessionId;
      runtime.latest().close({ code, reason: "", wasClean: false });
      await settle(5);
      const snapshot = connection.getSnapshot();
      expect(snapshot.status).toBe("reconnecting");
      expect(snapshot.attempt).toBe(1);
      expect(snapshot.lastCloseCode).toBe(code);
      expect(snapshot.error).toBeInstanceOf(AgentRuntimeSocketClosedError);
      expect((snapshot.error as AgentRuntimeSocketClosedError).code).toBe(code);
      // random 0.5 with the first ceiling of 500 ms -> 250 ms.
      expect(delays).toEqual([250]);
      await settle(260);
      // Open again, but the failed attempt counts until the stream has proved healthy.
      expect(connection.getSnapshot()).toMatchObject({
        status: "open",
        attempt: 1,
        nextRetryAt: null,
        error: null,
      });
      await vi.advanceTimersByTimeAsync(5_000);
      expect(connection.getSnapshot().attempt).toBe(0);
      expect(statuses).toEqual(["connecting", "open", "reconnecting", "open"]);
      expect(provider.calls).toHaveLength(1);
      expect(sockets.calls.map((call) => call.url)).toEqual([
        provider.issued[0]!.url,
        provider.issued[0]!.url,
      ]);
      expect(connection.sessionId).toBe(sessionId);
      connection.close();
    },
  );

  it("re-presigns after 1008 before reconnecting", async () => {
    const { connection, provider, sockets } = setup();
    connection.connect();
    await settle();
    runtime.latest().close({ code: 1008, reason: "policy", wasClean: false });
    await settle(300);
    expect(connection.getSnapshot().status).toBe("open");
    expect(provider.calls).toHaveLength(2);
    expect(provider.calls[1]!.sessionId).toBe(provider.calls[0]!.sessionId);
    expect(sockets.calls.map((call) => call.url)).toEqual([
      provider.issued[0]!.url,
      provider.issued[1]!.url,
    ]);
    connection.close();
  });

  it("counts failed attempts, grows the backoff and resets once a stream stayed open healthyStreamMs", async () => {
    const { connection, sockets, statuses } = setup(undefined, { retry: { random: () => 0.999 } });
    const delays = recordDelays(connection);
    connection.connect();
    await settle();
    await runtime.stop();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(5);
    expect(connection.getSnapshot().attempt).toBe(1);
    for (let attempt = 1; attempt <= 4; attempt++) {
      const { nextRetryAt } = connection.getSnapshot();
      await vi.advanceTimersByTimeAsync(nextRetryAt! - Date.now());
      await settle(5);
      expect(connection.getSnapshot()).toMatchObject({
        status: "reconnecting",
        attempt: attempt + 1,
      });
    }
    // floor(0.999 * ceiling) for ceilings 500, 1000, 2000, 4000 and then 8000.
    expect(delays).toEqual([499, 999, 1998, 3996, 7992]);
    runtime = startMockRuntime();
    await vi.advanceTimersByTimeAsync(connection.getSnapshot().nextRetryAt! - Date.now());
    await settle();
    expect(connection.getSnapshot()).toMatchObject({ status: "open", attempt: 5 });
    await vi.advanceTimersByTimeAsync(4_900);
    expect(connection.getSnapshot().attempt).toBe(5);
    await vi.advanceTimersByTimeAsync(100);
    expect(connection.getSnapshot()).toMatchObject({ status: "open", attempt: 0 });
    expect(statuses).toEqual(["connecting", "open", "reconnecting", "open"]);
    expect(sockets.calls).toHaveLength(6);
    connection.close();
  });

  it("fails after maxAttempts consecutive failures and leaves nothing running", async () => {
    await runtime.stop();
    const { connection, sockets, statuses } = setup(undefined, {
      retry: { maxAttempts: 3, random: () => 0 },
    });
    connection.connect();
    await settle(100);
    // It never connected: `connecting` until it gave up, never "reconnecting".
    expect(statuses).toEqual(["connecting", "failed"]);
    expect(sockets.calls).toHaveLength(3);
    expect(connection.getSnapshot()).toMatchObject({
      status: "failed",
      attempt: 3,
      nextRetryAt: null,
    });
    // The reason of the last failure: every attempt met a server that was not there.
    expect(connection.getSnapshot().reason).toBe("not-opened");
    expect(vi.getTimerCount()).toBe(0);
    runtime = startMockRuntime();
    connection.connect();
    await settle();
    expect(connection.getSnapshot()).toMatchObject({ status: "open", attempt: 0 });
    connection.close();
  });

  it("retries a throwing provider with backoff and never gives up without maxAttempts", async () => {
    const { connection, provider } = setup([
      ...Array.from({ length: 20 }, (): ProviderStep => ({ kind: "fail" })),
      { kind: "ok" },
    ]);
    connection.connect();
    for (let index = 0; index < 20; index++) {
      await settle(0);
      const { nextRetryAt, status, attempt } = connection.getSnapshot();
      expect(status).toBe("connecting");
      expect(attempt).toBe(index + 1);
      await vi.advanceTimersByTimeAsync(nextRetryAt! - Date.now());
    }
    await settle();
    expect(connection.getSnapshot().status).toBe("open");
    expect(provider.calls.map((call) => call.attempt)).toEqual(
      Array.from({ length: 21 }, (_, index) => index),
    );
    connection.close();
  });

  it("reconnect() drops the open socket and connects at once with backoff reset", async () => {
    const { connection, sockets, statuses } = setup();
    connection.connect();
    await settle();
    const first = sockets.calls[0]!.socket;
    connection.reconnect();
    expect(connection.getSnapshot().status).toBe("reconnecting");
    await settle();
    expect(first.readyState).toBe(3);
    expect(sockets.calls).toHaveLength(2);
    expect(statuses).toEqual(["connecting", "open", "reconnecting", "open"]);
    expect(runtime.openCount()).toBe(1);
    connection.close();
  });

  it("reconnect() while waiting on backoff tries now", async () => {
    const { connection } = setup(undefined, {
      retry: { random: () => 0.99, initialDelayMs: 10_000 },
    });
    connection.connect();
    await settle();
    runtime.latest().close({ code: 1011, reason: "", wasClean: false });
    await settle(5);
    expect(connection.getSnapshot().nextRetryAt! - Date.now()).toBeGreaterThan(9_000);
    connection.reconnect();
    await settle();
    expect(connection.getSnapshot()).toMatchObject({ status: "open", attempt: 0 });
    connection.close();
  });

  it("close() from any state ends in closed; a later connect() starts again", async () => {
    const { connection, statuses } = setup();
    connection.close();
    expect(connection.getSnapshot().status).toBe("closed");
    connection.connect();
    await settle();
    connection.close();
    expect(connection.getSnapshot().status).toBe("closed");
    expect(statuses).toEqual(["closed", "connecting", "open", "closed"]);
  });
});
