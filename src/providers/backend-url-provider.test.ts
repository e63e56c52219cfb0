import { describe, expect, it, vi } from "vitest";
import { AgentRuntimeValidationError } from "../core/errors";
import { backendUrlProvider } from "./backend-url-provider";
import {
  BOUND,
  SESSION,
  answering,
  context,
  future,
  type Recorded,
} from "./test-utils/backend-fetch";

describe("backendUrlProvider", () => {
  it("POSTs the session id and extra body fields as JSON with the app's headers", async () => {
    const { fetch, requests } = answering({
      url: "wss://example.test/ws",
      expiresAt: future(),
      sessionId: SESSION,
    });
    let tokenCount = 0;
    const provider = backendUrlProvider({
      endpoint: "https://app.test/api/agent-url",
      fetch,
      credentials: "include",
      headers: async () => ({ Authorization: `Bearer app-token-${++tokenCount}` }),
      body: (ctx) => ({ runtime: "support", attempt: ctx.attempt }),
    });
    await provider(context({ attempt: 2 }));
    await provider(context());

    expect(requests).toHaveLength(2);
    const [first, second] = requests as [Recorded, Recorded];
    expect(first.input).toBe("https://app.test/api/agent-url");
    expect(first.init.method).toBe("POST");
    expect(first.init.credentials).toBe("include");
    expect(first.headers.get("content-type")).toBe("application/json");
    expect(first.headers.get("authorization")).toBe("Bearer app-token-1");
    expect(second.headers.get("authorization")).toBe("Bearer app-token-2");
    expect(first.body).toEqual({ sessionId: SESSION, runtime: "support", attempt: 2 });
  });

  it("never lets body() replace the session id", async () => {
    const { fetch, requests } = answering({
      url: "wss://example.test/ws",
      expiresAt: future(),
      sessionId: SESSION,
    });
    const provider = backendUrlProvider({
      endpoint: "https://app.test/u",
      fetch,
      body: () => ({ sessionId: "other" }),
    });
    await provider(context());
    expect(requests[0]?.body.sessionId).toBe(SESSION);
  });

  it("returns the answer, with issuedAt from the Date header", async () => {
    const expiresAt = future();
    const date = new Date(Date.now() - 120_000);
    const { fetch } = answering(
      { url: "wss://example.test/ws?a=1", expiresAt, sessionId: SESSION, protocols: ["p1", "p2"] },
      { headers: { Date: date.toUTCString() } },
    );
    const connection = await backendUrlProvider({ endpoint: "https://app.test/u", fetch })(
      context(),
    );
    expect(connection).toEqual({
      url: "wss://example.test/ws?a=1",
      expiresAt,
      sessionId: SESSION,
      protocols: ["p1", "p2"],
      issuedAt: Math.floor(date.getTime() / 1000) * 1000,
    });
  });

  it("leaves issuedAt out without a usable Date header", async () => {
    const { fetch } = answering(
      { url: "ws://127.0.0.1:9/ws", expiresAt: future(), sessionId: SESSION },
      { headers: { Date: "not a date" } },
    );
    const connection = await backendUrlProvider({ endpoint: "https://app.test/u", fetch })(
      context(),
    );
    expect(connection).not.toHaveProperty("issuedAt");
    expect(connection).not.toHaveProperty("protocols");
  });

  it("accepts a different valid session id (one the backend bound to its user)", async () => {
    const { fetch } = answering({
      url: "wss://example.test/ws",
      expiresAt: future(),
      sessionId: BOUND,
    });
    const connection = await backendUrlProvider({ endpoint: "https://app.test/u", fetch })(
      context(),
    );
    expect(connection.sessionId).toBe(BOUND);
  });

  it("judges expiry by the backend's clock when the local clock runs ahead", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const backendNow = Date.UTC(2030, 0, 1, 12, 0, 0);
      vi.setSystemTime(backendNow + 600_000); // the browser is ten minutes ahead
      const { fetch } = answering(
        { url: "wss://example.test/ws", expiresAt: backendNow + 300_000, sessionId: SESSION },
        { headers: { Date: new Date(backendNow).toUTCString() } },
      );
      const connection = await backendUrlProvider({ endpoint: "https://app.test/u", fetch })(
        context(),
      );
      expect(connection.issuedAt).toBe(backendNow);
      expect(connection.expiresAt).toBe(backendNow + 300_000);
    } finally {
      vi.useRealTimers();
    }
  });

  it.each([
    [
      { endpoint: "" },
      "backendUrlProvider endpoint must be a URL or a path such as /api/agent-url (got an empty string)",
    ],
    [
      { endpoint: 42 },
      "backendUrlProvider endpoint must be a URL or a path such as /api/agent-url (got a number)",
    ],
    [
      { endpoint: "/u", timeoutMs: 0 },
      "backendUrlProvider timeoutMs must be a finite number > 0 (got 0)",
    ],
    [
      { endpoint: "/u", timeoutMs: "10" },
      "backendUrlProvider timeoutMs must be a finite number > 0 (got 10)",
    ],
    [
      { endpoint: "/u", fetch: "fetch" },
      "backendUrlProvider fetch must be a function (got a string)",
    ],
    [{ endpoint: "/u", body: {} }, "backendUrlProvider body must be a function (got an object)"],
    [
      { endpoint: "/u", headers: "Authorization: x" },
      "backendUrlProvider headers must be headers (an object, a Headers or a list of pairs) or a function that returns them (got a string)",
    ],
    [
      { endpoint: "/u", credentials: "always" },
      'backendUrlProvider credentials must be one of "omit", "same-origin" or "include" (got a string)',
    ],
  ])("refuses the options %j at creation with a validation error", (options, message) => {
    const create = () => backendUrlProvider(options as never);
    expect(create).toThrow(AgentRuntimeValidationError);
    expect(create).toThrow(message);
  });

  it("refuses a missing options object", () => {
    expect(() => backendUrlProvider(undefined as never)).toThrow(
      new AgentRuntimeValidationError("backendUrlProvider needs an options object (got undefined)"),
    );
  });
});
