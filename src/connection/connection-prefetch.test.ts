import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ConnectionOptions } from "./types";
import {
  settle,
  startMockRuntime,
  type IssuedUrl,
  type MockRuntime,
  type ProviderStep,
  type SocketCall,
  connectionUnderTest,
} from "./test-utils/harness";

const SAFETY_MS = 5_000;
let runtime: MockRuntime;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2030-01-01T00:00:00Z") });
  runtime = startMockRuntime();
});

afterEach(async () => {
  await runtime.stop();
  vi.useRealTimers();
});

function setup(steps?: ProviderStep[], options: Partial<ConnectionOptions> = {}) {
  return connectionUnderTest({ steps, options });
}

/** Every URL handed to the WebSocket constructor still had more than the safety margin to live. */
function expectNoExpiredUrlUsed(calls: SocketCall[], issued: IssuedUrl[]): void {
  for (const call of calls) {
    const url = issued.find((candidate) => candidate.url === call.url);
    expect(url, "socket opened with a URL the provider never issued").toBeDefined();
    expect(url!.localExpiresAt - call.at).toBeGreaterThan(SAFETY_MS);
  }
}

describe("keeping the next URL ready", () => {
  it("fetches the next URL prefetchMarginMs before the current one expires, again and again", async () => {
    const start = Date.now();
    const { connection, provider } = setup();
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(start + 239_000 - Date.now());
    expect(provider.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(provider.calls).toHaveLength(2);
    // The second URL expires at ~540 s, so the third fetch comes at ~480 s.
    await vi.advanceTimersByTimeAsync(start + 479_000 - Date.now());
    expect(provider.calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(provider.calls).toHaveLength(3);
    expect(provider.calls.every((call) => call.sessionId === connection.sessionId)).toBe(true);
    connection.close();
  });

  it("reconnects with the prefetched URL without waiting on the provider", async () => {
    const start = Date.now();
    const { connection, provider, sockets } = setup();
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(start + 310_000 - Date.now());
    expect(provider.calls).toHaveLength(2);
    provider.script([{ kind: "hang" }]);
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(300);
    expect(connection.getSnapshot().status).toBe("open");
    expect(provider.calls).toHaveLength(2);
    expect(sockets.calls.map((call) => call.url)).toEqual([
      provider.issued[0]!.url,
      provider.issued[1]!.url,
    ]);
    expectNoExpiredUrlUsed(sockets.calls, provider.issued);
    connection.close();
  });

  it("never opens an expired URL: a reconnect waits for the slow prefetch already in flight", async () => {
    const start = Date.now();
    const { connection, provider, sockets } = setup([
      { kind: "ok" },
      { kind: "ok", delayMs: 90_000 },
    ]);
    connection.connect();
    await settle();
    // The prefetch starts at 240 s and answers at 330 s; the first URL dies at 300 s.
    await vi.advanceTimersByTimeAsync(start + 310_000 - Date.now());
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await vi.advanceTimersByTimeAsync(start + 329_000 - Date.now());
    expect(connection.getSnapshot().status).toBe("reconnecting");
    expect(sockets.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    await settle();
    expect(connection.getSnapshot().status).toBe("open");
    expect(provider.calls).toHaveLength(2);
    expect(sockets.calls[1]!.url).toBe(provider.issued[1]!.url);
    expectNoExpiredUrlUsed(sockets.calls, provider.issued);
    connection.close();
  });

  it("keeps retrying a failing prefetch while open and never uses the stale URL", async () => {
    const start = Date.now();
    const { connection, provider, sockets } = setup([{ kind: "ok" }, { kind: "fail" }]);
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(start + 400_000 - Date.now());
    expect(connection.getSnapshot().status).toBe("open");
    const callsWhileOpen = provider.calls.length;
    expect(callsWhileOpen).toBeGreaterThan(5);
    runtime.latest().close({ code: 1011, reason: "", wasClean: false });
    await settle(60_000);
    expect(connection.getSnapshot().status).toBe("reconnecting");
    expect(sockets.calls).toHaveLength(1);
    provider.script([{ kind: "ok" }]);
    await settle(60_000);
    expect(connection.getSnapshot().status).toBe("open");
    expectNoExpiredUrlUsed(sockets.calls, provider.issued);
    connection.close();
  });

  it("refuses a URL that arrives with less than the safety margin to live, and fetches another", async () => {
    const { connection, provider, sockets } = setup([
      { kind: "ok", lifetimeMs: 4_000 },
      { kind: "ok" },
    ]);
    connection.connect();
    await settle();
    expect(sockets.calls).toHaveLength(0);
    expect(connection.getSnapshot().error).toMatchObject({
      name: "AgentRuntimeProviderError",
      code: "expired-url",
    });
    await settle(300);
    expect(connection.getSnapshot().status).toBe("open");
    expect(provider.calls).toHaveLength(2);
    expectNoExpiredUrlUsed(sockets.calls, provider.issued);
    connection.close();
  });

  it("does not fetch in a loop when URLs live shorter than the margin", async () => {
    const { connection, provider } = setup([{ kind: "ok", lifetimeMs: 30_000 }], {
      prefetchMarginMs: 60_000,
    });
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(60_000);
    // Half of the 25 s usable life between fetches: about 5 fetches a minute, not thousands.
    expect(provider.calls.length).toBeGreaterThanOrEqual(4);
    expect(provider.calls.length).toBeLessThanOrEqual(6);
    connection.close();
  });
});

describe("clock skew", () => {
  it("moves the expiry onto the local clock when the minting clock runs ahead", async () => {
    const start = Date.now();
    // Minted by a clock 100 s ahead: expiresAt reads local + 400 s but means local + 300 s.
    const { connection, provider } = setup([{ kind: "ok", issuedAtSkewMs: 100_000 }]);
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(start + 239_000 - Date.now());
    expect(provider.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(provider.calls).toHaveLength(2);
    connection.close();
  });

  it("does not refetch early when the minting clock runs behind", async () => {
    const start = Date.now();
    // Minted by a clock 100 s behind: expiresAt reads local + 200 s but means local + 300 s.
    const { connection, provider } = setup([{ kind: "ok", issuedAtSkewMs: -100_000 }]);
    connection.connect();
    await settle();
    await vi.advanceTimersByTimeAsync(start + 239_000 - Date.now());
    expect(provider.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(provider.calls).toHaveLength(2);
    connection.close();
  });

  it("opens a URL that only looks expired because the minting clock is behind", async () => {
    // expiresAt reads 2 s from now by our clock, but the URL has 300 s to live.
    const { connection, sockets } = setup([{ kind: "ok", issuedAtSkewMs: -298_000 }]);
    connection.connect();
    await settle();
    expect(connection.getSnapshot().status).toBe("open");
    expect(sockets.calls).toHaveLength(1);
    connection.close();
  });
});

describe("property: no socket ever opens with an expired URL", () => {
  it("holds across random lifetimes, skews, provider delays, failures and drops", async () => {
    const step = fc.oneof(
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant("ok" as const),
          lifetimeMs: fc.integer({ min: 1_000, max: 300_000 }),
          issuedAtSkewMs: fc.integer({ min: -120_000, max: 120_000 }),
          delayMs: fc.integer({ min: 0, max: 20_000 }),
        }),
      },
      { weight: 1, arbitrary: fc.constant({ kind: "fail" as const }) },
    );
    const scenario = fc.record({
      steps: fc.array(step, { minLength: 1, maxLength: 30 }),
      drops: fc.array(
        fc.record({
          afterMs: fc.integer({ min: 1_000, max: 200_000 }),
          code: fc.constantFrom(1001, 1006, 1008, 1011),
        }),
        {
          maxLength: 12,
        },
      ),
    });
    await fc.assert(
      fc.asyncProperty(scenario, async ({ steps, drops }) => {
        const { connection, provider, sockets } = setup([...steps, { kind: "ok" }]);
        connection.connect();
        for (const drop of drops) {
          await vi.advanceTimersByTimeAsync(drop.afterMs);
          const open = runtime.clients.filter((client) => client.readyState === 1);
          for (const client of open) client.close({ code: drop.code, reason: "", wasClean: false });
        }
        await vi.advanceTimersByTimeAsync(120_000);
        connection.close();
        await settle();
        expectNoExpiredUrlUsed(sockets.calls, provider.issued);
        expect(runtime.openCount()).toBe(0);
      }),
      { numRuns: 40 },
    );
  });
});
