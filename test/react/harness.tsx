import type { ConnectionOptions } from "../../src/connection/types";
import type { PresignedConnection, UrlProvider } from "../../src/providers/types";
import { FakeConnection } from "../../src/store/test-utils/fake-connection";

/** A `createConnection` that builds fake connections and remembers them. */
export function fakeConnections() {
  const created: FakeConnection[] = [];
  const createConnection = (options: ConnectionOptions<string>) => {
    const connection = new FakeConnection<string>(options);
    created.push(connection);
    return connection;
  };
  return { created, createConnection };
}

/** A provider that counts its calls; its URL is never opened by a fake connection. */
export function countingProvider(): UrlProvider & { calls: number } {
  const provider = Object.assign(
    async (context: { sessionId: string }): Promise<PresignedConnection> => {
      provider.calls += 1;
      return {
        url: "ws://127.0.0.1:1/unused",
        expiresAt: Date.now() + 300_000,
        sessionId: context.sessionId,
      };
    },
    { calls: 0 },
  );
  return provider;
}

/** Replaces `requestAnimationFrame` with frames a test runs by hand. */
export function manualAnimationFrames() {
  let queue = new Map<number, FrameRequestCallback>();
  let nextHandle = 0;
  let frames = 0;
  vi.stubGlobal("requestAnimationFrame", (callback: FrameRequestCallback) => {
    nextHandle += 1;
    queue.set(nextHandle, callback);
    return nextHandle;
  });
  vi.stubGlobal("cancelAnimationFrame", (handle: number) => {
    queue.delete(handle);
  });
  return {
    /** Frames run so far. */
    get elapsed() {
      return frames;
    },
    get pending() {
      return queue.size;
    },
    /** Runs one frame: every callback requested before it. */
    run() {
      frames += 1;
      const running = queue;
      queue = new Map();
      for (const callback of running.values()) callback(frames * 16);
    },
  };
}
