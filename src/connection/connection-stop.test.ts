import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { textCodec } from "../codecs/text-codec";
import type { Codec } from "../codecs/types";
import { CLOSE_WAIT_MS } from "./socket-slot";
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
