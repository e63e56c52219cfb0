import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
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
