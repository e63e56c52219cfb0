import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AgentRuntimeConnection } from "./agent-runtime-connection";
import { AgentRuntimeSocketClosedError } from "./errors";
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

  it("closes for good on 1000 from the agent and starts again on connect()", async () => {
    const { connection, statuses, sockets } = setup();
    connection.connect();
    await settle();
    runtime.latest().close({ code: 1000, reason: "bye", wasClean: false });
    await settle();
    expect(connection.getSnapshot()).toMatchObject({
      status: "closed",
      lastCloseCode: 1000,
      error: null,
    });
    expect(vi.getTimerCount()).toBe(0);
    connection.connect();
    await settle();
    expect(statuses).toEqual(["connecting", "open", "closed", "connecting", "open"]);
    expect(sockets.calls).toHaveLength(2);
    connection.close();
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
    expect(statuses).toEqual(["connecting", "reconnecting", "failed"]);
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
      const { nextRetryAt, status } = connection.getSnapshot();
      expect(status).toBe("reconnecting");
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

describe("session id", () => {
  it("keeps a caller-given id and rejects a malformed one with a typed error", () => {
    const id = "conversation-0123456789-abcdefghijk";
    const { connection } = setup(undefined, { sessionId: id });
    expect(connection.sessionId).toBe(id);
    expect(() => setup(undefined, { sessionId: "too-short" })).toThrow(/33-256 visible ASCII/);
    expect(() => setup(undefined, { sessionId: `${"x".repeat(40)} with space` })).toThrow(/33-256/);
  });

  it("adopts the provider's bound id once, before the first open, and uses it from then on", async () => {
    const bound = "nonce-1234567890.abcdefghijklmnopqrstuvwxyz0123";
    const { connection, provider } = setup([{ kind: "ok", sessionId: bound }, { kind: "ok" }]);
    const provisional = connection.sessionId;
    const seen: string[] = [];
    connection.subscribe(() => {
      const { sessionId, status } = connection.getSnapshot();
      seen.push(`${status}:${sessionId === bound ? "bound" : "provisional"}`);
    });
    connection.connect();
    await settle();
    expect(provider.calls[0]!.sessionId).toBe(provisional);
    expect(connection.sessionId).toBe(bound);
    expect(seen.indexOf("connecting:bound")).toBeLessThan(seen.indexOf("open:bound"));
    expect(seen).not.toContain("open:provisional");
    runtime.latest().close({ code: 1008, reason: "", wasClean: false });
    await settle(300);
    expect(provider.calls[1]!.sessionId).toBe(bound);
    expect(connection.getSnapshot().status).toBe("open");
    connection.close();
  });

  it("treats a later answer for another session as a provider error, and retries", async () => {
    const other = "someone-else-0123456789-abcdefghijklmn";
    const { connection, provider } = setup([
      { kind: "ok" },
      { kind: "ok", sessionId: other },
      { kind: "ok" },
    ]);
    connection.connect();
    await settle();
    const sessionId = connection.sessionId;
    runtime.latest().close({ code: 1008, reason: "", wasClean: false });
    await settle(300);
    expect(provider.calls).toHaveLength(2);
    expect(connection.getSnapshot()).toMatchObject({ status: "reconnecting", attempt: 2 });
    expect(connection.getSnapshot().error).toMatchObject({
      name: "AgentRuntimeProviderError",
      code: "session-mismatch",
    });
    await settle(1_000);
    expect(connection.getSnapshot().status).toBe("open");
    expect(connection.sessionId).toBe(sessionId);
    connection.close();
  });

  it("rejects a provider answer with an invalid session id or URL, without leaking the URL", async () => {
    const bad = async () => ({
      url: "https://example.test/?X-Amz-Signature=secret",
      expiresAt: Date.now() + 300_000,
      sessionId: "x",
    });
    const { connection } = setup(undefined, { urlProvider: bad as never });
    connection.connect();
    await settle();
    const { error } = connection.getSnapshot();
    expect(error).toMatchObject({ name: "AgentRuntimeProviderError", code: "invalid-response" });
    expect(error!.message).not.toContain("secret");
    connection.close();
  });
});
