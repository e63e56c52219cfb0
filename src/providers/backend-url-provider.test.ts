import fc from "fast-check";
import { backendUrlProvider } from "./backend-url-provider";
import { AgentRuntimeProviderError } from "./errors";
import type { UrlProviderContext } from "./types";

const SESSION = "provisional-session-id-0123456789abcdef";
const BOUND = "bound-session-id-from-the-backend.0123456789";
const URL_WITH_SECRET =
  "wss://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/x/ws?X-Amz-Security-Token=TOP-SECRET";

function context(overrides: Partial<UrlProviderContext> = {}): UrlProviderContext {
  return { sessionId: SESSION, signal: new AbortController().signal, attempt: 0, ...overrides };
}

interface Recorded {
  input: string;
  init: RequestInit;
  body: Record<string, unknown>;
  headers: Headers;
}

/** A fetch that records requests and answers with the given body, status and headers. */
function answering(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  const requests: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, requestInit?: RequestInit) => {
    const requestInitValue = requestInit ?? {};
    requests.push({
      input: String(input),
      init: requestInitValue,
      body: JSON.parse(String(requestInitValue.body)) as Record<string, unknown>,
      headers: new Headers(requestInitValue.headers),
    });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status: init.status ?? 200, headers: init.headers });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

const future = () => Date.now() + 300_000;

async function providerError(promise: Promise<unknown>): Promise<AgentRuntimeProviderError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgentRuntimeProviderError);
  return error as AgentRuntimeProviderError;
}

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

  it("surfaces the backend's error message, code and status", async () => {
    const { fetch } = answering(
      { error: { code: "session-forbidden", message: "This session belongs to someone else" } },
      { status: 403 },
    );
    const error = await providerError(
      backendUrlProvider({ endpoint: "https://app.test/u", fetch })(context()),
    );
    expect(error.code).toBe("http-status");
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      "Presign backend answered HTTP 403: This session belongs to someone else (session-forbidden)",
    );
  });

  it("reports a non-JSON error answer by its status", async () => {
    const { fetch } = answering("<html>Bad gateway</html>", { status: 502 });
    const error = await providerError(
      backendUrlProvider({ endpoint: "https://app.test/u", fetch })(context()),
    );
    expect(error).toMatchObject({
      code: "http-status",
      status: 502,
      message: "Presign backend answered HTTP 502",
    });
  });

  it("keeps control characters and huge texts out of the message", async () => {
    const { fetch } = answering(
      { error: { code: "x", message: `line1\nline2\u0000${"a".repeat(1000)}` } },
      { status: 400 },
    );
    const error = await providerError(
      backendUrlProvider({ endpoint: "https://app.test/u", fetch })(context()),
    );
    expect(error.message).not.toContain("\n");
    expect(error.message).not.toContain("\u0000");
    expect(error.message.length).toBeLessThan(300);
  });

  const past = () => Date.now() - 1000;
  it.each([
    ["not JSON", "{nope", "not JSON"],
    ["a JSON array", [], "not an object"],
    ["no url", { expiresAt: future(), sessionId: SESSION }, "no url"],
    [
      "an unparsable url",
      { url: "wss://", expiresAt: future(), sessionId: SESSION },
      "cannot be parsed",
    ],
    [
      "an https url",
      { url: URL_WITH_SECRET.replace("wss:", "https:"), expiresAt: future(), sessionId: SESSION },
      "https:",
    ],
    [
      "a javascript: url",
      { url: "javascript:alert(1)", expiresAt: future(), sessionId: SESSION },
      "javascript:",
    ],
    ["no expiresAt", { url: URL_WITH_SECRET, sessionId: SESSION }, "expiresAt"],
    [
      "expiresAt as a string",
      { url: URL_WITH_SECRET, expiresAt: String(future()), sessionId: SESSION },
      "expiresAt",
    ],
    [
      "an expired url",
      { url: URL_WITH_SECRET, expiresAt: past(), sessionId: SESSION },
      "already expired",
    ],
    ["no sessionId", { url: URL_WITH_SECRET, expiresAt: future() }, "sessionId"],
    [
      "a short sessionId",
      { url: URL_WITH_SECRET, expiresAt: future(), sessionId: "short" },
      "sessionId",
    ],
    [
      "a sessionId with spaces",
      { url: URL_WITH_SECRET, expiresAt: future(), sessionId: `${SESSION} x` },
      "sessionId",
    ],
    [
      "protocols not a list",
      { url: URL_WITH_SECRET, expiresAt: future(), sessionId: SESSION, protocols: "p" },
      "protocols",
    ],
    [
      "a protocol with a comma",
      { url: URL_WITH_SECRET, expiresAt: future(), sessionId: SESSION, protocols: ["a,b"] },
      "protocols",
    ],
  ])("refuses an answer with %s, without repeating the URL", async (_name, body, fragment) => {
    const { fetch } = answering(body);
    const error = await providerError(
      backendUrlProvider({ endpoint: "https://app.test/u", fetch })(context()),
    );
    expect(error.code).toBe("invalid-response");
    expect(error.status).toBe(200);
    expect(error.message).toContain(fragment);
    expect(error.message).not.toContain("TOP-SECRET");
  });

  it("refuses a URL that expired by the backend's own clock", async () => {
    const backendNow = Math.floor(Date.now() / 1000) * 1000 + 3_600_000;
    const { fetch } = answering(
      { url: URL_WITH_SECRET, expiresAt: backendNow, sessionId: SESSION },
      { headers: { Date: new Date(backendNow).toUTCString() } },
    );
    const error = await providerError(
      backendUrlProvider({ endpoint: "https://app.test/u", fetch })(context()),
    );
    expect(error.message).toContain("already expired");
  });

  it("maps a network failure to code network with the cause", async () => {
    const cause = new TypeError("fetch failed");
    const fetch = (async () => {
      throw cause;
    }) as typeof globalThis.fetch;
    const error = await providerError(
      backendUrlProvider({ endpoint: "https://app.test/u", fetch })(context()),
    );
    expect(error).toMatchObject({ code: "network", status: undefined, cause });
  });

  it("maps a failing headers() to code request, without calling fetch", async () => {
    const { fetch, requests } = answering({});
    const provider = backendUrlProvider({
      endpoint: "https://app.test/u",
      fetch,
      headers: () => {
        throw new Error("not signed in");
      },
    });
    const error = await providerError(provider(context()));
    expect(error.code).toBe("request");
    expect(error.message).toContain("not signed in");
    expect(requests).toHaveLength(0);
  });

  describe("deadlines", () => {
    beforeEach(() => vi.useFakeTimers());
    afterEach(() => vi.useRealTimers());

    /** A fetch that never answers and ignores its signal, reporting the signal it got. */
    function hanging() {
      const signals: AbortSignal[] = [];
      const fetch = ((_input: RequestInfo | URL, init?: RequestInit) => {
        if (init?.signal) signals.push(init.signal);
        return new Promise<Response>(() => {});
      }) as typeof globalThis.fetch;
      return { fetch, signals };
    }

    it("times out with code timeout after timeoutMs and aborts the request", async () => {
      const { fetch, signals } = hanging();
      const pending = backendUrlProvider({
        endpoint: "https://app.test/u",
        fetch,
        timeoutMs: 5000,
      })(context());
      const settled = providerError(pending);
      await vi.advanceTimersByTimeAsync(4999);
      expect(signals[0]?.aborted).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      const error = await settled;
      expect(error.code).toBe("timeout");
      expect(signals[0]?.aborted).toBe(true);
    });

    it("defaults to a 10 s timeout", async () => {
      const { fetch } = hanging();
      const settled = providerError(
        backendUrlProvider({ endpoint: "https://app.test/u", fetch })(context()),
      );
      await vi.advanceTimersByTimeAsync(10_000);
      expect((await settled).code).toBe("timeout");
    });

    it("rejects with the abort reason when ctx.signal aborts, not a provider error", async () => {
      const { fetch, signals } = hanging();
      const controller = new AbortController();
      const pending = backendUrlProvider({ endpoint: "https://app.test/u", fetch })(
        context({ signal: controller.signal }),
      );
      const reason = new Error("superseded");
      await vi.advanceTimersByTimeAsync(10);
      controller.abort(reason);
      await expect(pending).rejects.toBe(reason);
      expect(signals[0]?.aborted).toBe(true);
    });

    it("rejects an already aborted request with an AbortError and never fetches", async () => {
      const { fetch, signals } = hanging();
      const controller = new AbortController();
      controller.abort();
      const error = await backendUrlProvider({ endpoint: "https://app.test/u", fetch })(
        context({ signal: controller.signal }),
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DOMException);
      expect((error as DOMException).name).toBe("AbortError");
      expect(signals).toHaveLength(0);
    });
  });

  it("refuses unusable options at creation", () => {
    expect(() => backendUrlProvider({ endpoint: "" })).toThrow(/endpoint/);
    expect(() => backendUrlProvider({ endpoint: "/u", timeoutMs: 0 })).toThrow(/timeoutMs/);
  });

  it("accepts exactly the session ids of 33-256 visible ASCII characters", async () => {
    const visible = (s: string) =>
      [...s].every((c) => c.charCodeAt(0) >= 0x21 && c.charCodeAt(0) <= 0x7e);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ minLength: 0, maxLength: 300 }),
          fc.string({ unit: "grapheme-ascii", minLength: 30, maxLength: 260 }),
        ),
        async (sessionId) => {
          const { fetch } = answering({
            url: "wss://example.test/ws",
            expiresAt: future(),
            sessionId,
          });
          const result = await backendUrlProvider({ endpoint: "https://app.test/u", fetch })(
            context(),
          ).then(
            (c) => c.sessionId,
            (e: unknown) => e,
          );
          const valid = sessionId.length >= 33 && sessionId.length <= 256 && visible(sessionId);
          if (valid) expect(result).toBe(sessionId);
          else expect(result).toBeInstanceOf(AgentRuntimeProviderError);
        },
      ),
      { numRuns: 200 },
    );
  });
});
