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
