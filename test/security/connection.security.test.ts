import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AgentEvent } from "../../src/codecs/types";
import type { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import {
  connectionUnderTest,
  settle,
  stalledWebSocket,
  startMockRuntime,
  type MockRuntime,
} from "../../src/connection/test-utils/harness";
import type { PresignedConnection, UrlProviderContext } from "../../src/providers/types";

/**
 * The connection against hostile runtimes and providers. Time is simulated (fake timers and
 * mock-socket), so the counts below are exact and do not depend on the machine's load.
 */

let runtime: MockRuntime;

beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2030-01-01T00:00:00Z") });
  runtime = startMockRuntime();
});

afterEach(async () => {
  await runtime.stop();
  vi.useRealTimers();
});

function events(connection: AgentRuntimeConnection): AgentEvent[] {
  const seen: AgentEvent[] = [];
  connection.onEvent((event) => seen.push(event));
  return seen;
}

describe("a runtime that accepts the upgrade and closes at once", () => {
  it("meets a growing backoff, not a reconnect storm (1011)", async () => {
    runtime.server.on("connection", (client) =>
      client.close({ code: 1011, reason: "", wasClean: true }),
    );
    const { connection, sockets } = connectionUnderTest();
    connection.connect();
    await vi.advanceTimersByTimeAsync(60_000);
    // Backoff ceilings 0.5, 1, 2, 4, 8, 16 and 30 s with the jitter draw at 0.5: 7 to 8 tries a
    // minute. When opening reset the backoff, this was about 200.
    expect(sockets.calls.length).toBeGreaterThanOrEqual(5);
    expect(sockets.calls.length).toBeLessThanOrEqual(10);
    expect(connection.getSnapshot().attempt).toBeGreaterThanOrEqual(5);
    connection.close();
  });

  it("asks the provider for fresh URLs at a growing interval after each 1008", async () => {
    runtime.server.on("connection", (client) =>
      client.close({ code: 1008, reason: "", wasClean: true }),
    );
    const { connection, provider } = connectionUnderTest();
    connection.connect();
    await vi.advanceTimersByTimeAsync(30_000);
    // It was 112 calls in 30 s.
    expect(provider.calls.length).toBeLessThanOrEqual(8);
    connection.close();
  });

  it("starts the backoff over once a stream stayed open healthyStreamMs", async () => {
    const { connection } = connectionUnderTest({ options: { healthyStreamMs: 2_000 } });
    connection.connect();
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await vi.advanceTimersByTimeAsync(300);
    expect(connection.getSnapshot()).toMatchObject({ status: "open", attempt: 1 });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(connection.getSnapshot().attempt).toBe(0);
    connection.close();
  });
});

describe("deadlines", () => {
  it("gives up on a provider that never answers and asks again, without joining the hung call", async () => {
    const { connection, provider } = connectionUnderTest({
      steps: [{ kind: "hang" }, { kind: "ok" }],
      options: { providerTimeoutMs: 3_000 },
    });
    connection.connect();
    await vi.advanceTimersByTimeAsync(2_999);
    expect(connection.getSnapshot().status).toBe("connecting");
    await vi.advanceTimersByTimeAsync(1);
    expect(connection.getSnapshot()).toMatchObject({
      status: "connecting",
      reason: "provider-timeout",
    });
    expect(provider.calls[0]!.signal.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(300);
    expect(provider.calls).toHaveLength(2);
    expect(connection.getSnapshot().status).toBe("open");
    connection.close();
  });

  it("reconnect() abandons a hung provider call and asks again at once", async () => {
    const { connection, provider } = connectionUnderTest({
      steps: [{ kind: "hang" }, { kind: "ok" }],
    });
    connection.connect();
    await settle();
    expect(provider.calls).toHaveLength(1);
    connection.reconnect();
    await settle();
    expect(provider.calls[0]!.signal.aborted).toBe(true);
    expect(provider.calls).toHaveLength(2);
    expect(connection.getSnapshot().status).toBe("open");
    connection.close();
  });

  it("closes an upgrade that is never answered (a black hole) after handshakeTimeoutMs", async () => {
    const blackHole = stalledWebSocket();
    const { connection } = connectionUnderTest({
      options: { WebSocket: blackHole.WebSocket, handshakeTimeoutMs: 4_000 },
    });
    connection.connect();
    await vi.advanceTimersByTimeAsync(3_999);
    expect(connection.getSnapshot().status).toBe("connecting");
    await vi.advanceTimersByTimeAsync(1);
    expect(blackHole.made[0]!.closed).toBe(true);
    expect(connection.getSnapshot()).toMatchObject({
      status: "connecting",
      reason: "handshake-timeout",
      attempt: 1,
    });
    connection.close();
  });
});

describe("a provider that rejects with something other than an Error", () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  it.each<[string, unknown]>([
    ["an object without a prototype", Object.create(null)],
    [
      "an object whose toString throws",
      {
        toString: () => {
          throw new Error("nope");
        },
      },
    ],
    ["a revoked proxy", proxy],
    ["undefined", undefined],
  ])("keeps retrying after %s, with an Error in the snapshot", async (_, rejection) => {
    let calls = 0;
    const urlProvider = async (context: UrlProviderContext): Promise<PresignedConnection> => {
      calls += 1;
      if (calls < 3) throw rejection;
      return {
        url: "ws://agent.test/ws",
        expiresAt: Date.now() + 300_000,
        sessionId: context.sessionId,
      };
    };
    const { connection } = connectionUnderTest({ options: { urlProvider } });
    connection.connect();
    await settle();
    expect(connection.getSnapshot().error).toBeInstanceOf(Error);
    expect(connection.getSnapshot().reason).toBe("provider-failed");
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toBe(3);
    expect(connection.getSnapshot().status).toBe("open");
    connection.close();
  });
});

describe("an agent that sends a huge frame", () => {
  it("does not decode a frame over maxInboundFrameBytes, and reports it", async () => {
    const { connection } = connectionUnderTest({ options: { maxInboundFrameBytes: 64 * 1024 } });
    const seen = events(connection);
    connection.connect();
    await settle();
    runtime.latest().send("x".repeat(64 * 1024 + 1));
    runtime.latest().send("ok");
    await settle();
    expect(seen).toEqual([
      expect.objectContaining({ type: "error", code: "frame-too-large" }),
      { type: "text-delta", delta: "ok" },
    ]);
    connection.close();
  });

  it("counts multi-byte text in UTF-8 bytes", async () => {
    const { connection } = connectionUnderTest({ options: { maxInboundFrameBytes: 30 } });
    const seen = events(connection);
    connection.connect();
    await settle();
    runtime.latest().send("é".repeat(15)); // 30 bytes: accepted
    runtime.latest().send("é".repeat(16)); // 32 bytes: dropped
    await settle();
    expect(seen.map((event) => event.type)).toEqual(["text-delta", "error"]);
    connection.close();
  });
});

describe("secrets in errors", () => {
  const signedUrl =
    "wss://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/x/ws?X-Amz-Algorithm=AWS4-HMAC-SHA256" +
    "&X-Amz-Credential=ASIAEXAMPLEKEY0000001%2F20300101%2Fus-west-2%2Fbedrock-agentcore%2Faws4_request" +
    "&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLETOKENvalue1234567890abcdefSECRET" +
    "&X-Amz-Signature=5f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";

  function expectNoSecret(text: string): void {
    expect(text).not.toContain("EXAMPLETOKENvalue");
    expect(text).not.toContain("5f1a2b3c4d5e6f708192");
  }

  it("keeps a presigned URL out of the snapshot when the WebSocket constructor quotes it", async () => {
    class RefusingSocket {
      constructor(url: string) {
        throw new SyntaxError(`Invalid URL: ${url}`);
      }
    }
    const urlProvider = async (context: UrlProviderContext): Promise<PresignedConnection> => ({
      url: signedUrl,
      expiresAt: Date.now() + 300_000,
      sessionId: context.sessionId,
    });
    const { connection } = connectionUnderTest({
      // @ts-expect-error a constructor that always throws is still a WebSocket constructor here
      options: { urlProvider, WebSocket: RefusingSocket },
    });
    connection.connect();
    await settle();
    const { error, reason } = connection.getSnapshot();
    expect(reason).toBe("socket-error");
    expect(error).toBeInstanceOf(SyntaxError);
    expectNoSecret(String(error?.message) + String(error?.stack));
    connection.close();
  });

  it("keeps a presigned URL out of the snapshot when a provider's error quotes it", async () => {
    const urlProvider = async (): Promise<PresignedConnection> => {
      throw new Error(`could not refresh ${signedUrl}`);
    };
    const { connection } = connectionUnderTest({ options: { urlProvider } });
    connection.connect();
    await settle();
    const { error } = connection.getSnapshot();
    expect(error?.message).toMatch(/^could not refresh wss:\/\/bedrock-agentcore/);
    expectNoSecret(String(error?.message) + String(error?.stack));
    connection.close();
  });
});
