import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { backendUrlProvider } from "./backend-url-provider";
import { AgentRuntimeProviderError } from "./errors";
import {
  SESSION,
  URL_WITH_SECRET,
  answering,
  context,
  future,
  providerError,
} from "./test-utils/backend-fetch";

describe("backendUrlProvider refusals and invalid answers", () => {
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
