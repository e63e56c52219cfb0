import { ARN, post, serve, type Served } from "./serve";

const NOW = Date.UTC(2030, 2, 3, 4, 5, 6);
const ORIGIN = "https://app.example.com";

let served: Served;
beforeAll(async () => {
  // Generous enough that only the rate-limit row trips it (it uses its own principal).
  served = await serve({
    runtimeArn: undefined,
    runtimes: { support: ARN },
    allowedOrigins: [ORIGIN],
    rateLimit: { max: 100, windowMs: 60_000 },
    now: () => NOW,
  });
});
afterAll(async () => {
  await served.close();
});

/** A bound id of alice, for the row where bob tries to use it. */
async function aliceSessionId(): Promise<string> {
  const response = await post(served.url, { runtime: "support" }, "alice");
  return ((await response.json()) as { sessionId: string }).sessionId;
}

interface Row {
  name: string;
  request: () => Promise<Response>;
  status: number;
  code?: string;
  headers?: Record<string, string>;
}

const rows: Row[] = [
  {
    name: "no auth",
    request: () => post(served.url, { runtime: "support" }, null),
    status: 401,
    code: "unauthorized",
  },
  {
    name: "an unknown bearer",
    request: () =>
      post(served.url, { runtime: "support" }, null, { Authorization: "Basic YWxpY2U6cHc=" }),
    status: 401,
    code: "unauthorized",
  },
  {
    name: "a wrong origin",
    request: () =>
      post(served.url, { runtime: "support" }, "alice", { Origin: "https://evil.example" }),
    status: 403,
    code: "origin-not-allowed",
  },
  {
    name: "a look-alike origin",
    request: () =>
      post(served.url, { runtime: "support" }, "alice", { Origin: `${ORIGIN}.evil.example` }),
    status: 403,
    code: "origin-not-allowed",
  },
  {
    name: "a preflight from an allowed origin",
    request: () =>
      fetch(served.url, {
        method: "OPTIONS",
        headers: {
          Origin: ORIGIN,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "content-type,authorization",
        },
      }),
    status: 204,
    headers: {
      "access-control-allow-origin": ORIGIN,
      "access-control-allow-methods": "POST",
      "access-control-allow-headers": "authorization, content-type",
    },
  },
  {
    name: "a preflight from a wrong origin",
    request: () =>
      fetch(served.url, {
        method: "OPTIONS",
        headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" },
      }),
    status: 403,
    code: "origin-not-allowed",
  },
  {
    name: "a wrong method",
    request: () => fetch(served.url, { headers: { Authorization: "Bearer alice" } }),
    status: 405,
    code: "method-not-allowed",
    headers: { allow: "POST, OPTIONS" },
  },
  {
    name: "a form post (wrong content type)",
    request: () =>
      post(served.url, "runtime=support", "alice", {
        "Content-Type": "application/x-www-form-urlencoded",
      }),
    status: 415,
    code: "unsupported-media-type",
  },
  {
    name: "text/plain JSON (a CORS-simple request)",
    request: () =>
      post(served.url, JSON.stringify({ runtime: "support" }), "alice", {
        "Content-Type": "text/plain",
      }),
    status: 415,
    code: "unsupported-media-type",
  },
  {
    name: "an oversize body (declared)",
    request: () => post(served.url, { runtime: "support", pad: "x".repeat(5000) }),
    status: 413,
    code: "body-too-large",
  },
  {
    name: "an oversize body (chunked, no length)",
    request: () =>
      fetch(served.url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Authorization: "Bearer alice" },
        body: new ReadableStream<Uint8Array>({
          start(controller) {
            for (let i = 0; i < 10; i++)
              controller.enqueue(new TextEncoder().encode(" ".repeat(1000)));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit),
    status: 413,
    code: "body-too-large",
  },
  {
    name: "invalid JSON",
    request: () => post(served.url, '{"runtime":'),
    status: 400,
    code: "invalid-json",
  },
  {
    name: "a JSON array",
    request: () => post(served.url, "[]"),
    status: 400,
    code: "invalid-request",
  },
  {
    name: "an unknown field",
    request: () => post(served.url, { runtime: "support", region: "us-east-1" }),
    status: 400,
    code: "invalid-request",
  },
  {
    name: "an unknown runtime alias",
    request: () => post(served.url, { runtime: "admin" }),
    status: 400,
    code: "unknown-runtime",
  },
  {
    name: "a prototype key as alias",
    request: () => post(served.url, { runtime: "__proto__" }),
    status: 400,
    code: "unknown-runtime",
  },
  {
    name: "a raw ARN instead of an alias",
    request: () => post(served.url, { runtime: ARN }),
    status: 400,
    code: "unknown-runtime",
  },
  { name: "no runtime", request: () => post(served.url, {}), status: 400, code: "unknown-runtime" },
  {
    name: "an expiry over the cap",
    request: () => post(served.url, { runtime: "support", expires: 301 }),
    status: 400,
    code: "invalid-expires",
  },
  {
    name: "a fractional expiry",
    request: () => post(served.url, { runtime: "support", expires: 0.5 }),
    status: 400,
    code: "invalid-expires",
  },
  {
    name: "another principal's session id",
    request: async () =>
      post(served.url, { runtime: "support", sessionId: await aliceSessionId() }, "bob"),
    status: 403,
    code: "session-forbidden",
  },
  {
    name: "a forged bound id",
    request: () =>
      post(served.url, { runtime: "support", sessionId: `${"n".repeat(43)}.${"m".repeat(43)}` }),
    status: 403,
    code: "session-forbidden",
  },
  {
    name: "a too-short session id",
    request: () => post(served.url, { runtime: "support", sessionId: "x".repeat(32) }),
    status: 400,
    code: "invalid-session-id",
  },
  {
    name: "a session id with a control character",
    request: () => post(served.url, { runtime: "support", sessionId: `${"x".repeat(40)}\n` }),
    status: 400,
    code: "invalid-session-id",
  },
  {
    name: "a session id over 256 characters",
    request: () => post(served.url, { runtime: "support", sessionId: "x".repeat(257) }),
    status: 400,
    code: "invalid-session-id",
  },
];

describe("the presign handler's security table", () => {
  it.each(rows)(
    "$name -> $status $code, nothing minted",
    async ({ request, status, code, headers, name }) => {
      const setupMints = name === "another principal's session id" ? 1 : 0;
      const before = served.mints();
      const mintedBefore = served.logs.filter((e) => e.type === "minted").length;
      const response = await request();

      expect(response.status).toBe(status);
      expect(response.headers.get("cache-control")).toBe("no-store");
      for (const [header, value] of Object.entries(headers ?? {}))
        expect(response.headers.get(header)).toBe(value);
      const text = await response.text();
      if (code) {
        const body = JSON.parse(text) as { error: { code: string; message: string } };
        expect(body.error.code).toBe(code);
        expect(body.error.message.length).toBeGreaterThan(0);
        expect(text).not.toMatch(/X-Amz|wss:|stack|at .*\(/);
      } else {
        expect(text).toBe("");
      }
      expect(served.mints() - before).toBe(setupMints);
      expect(served.logs.filter((e) => e.type === "minted").length - mintedBefore).toBe(setupMints);
    },
  );

  it("rate limit exceeded -> 429 rate-limited with Retry-After, nothing minted past the limit", async () => {
    const limited = await serve({ rateLimit: { max: 2, windowMs: 60_000 }, now: () => NOW });
    try {
      expect((await post(limited.url, {}, "carol")).status).toBe(200);
      expect((await post(limited.url, {}, "carol")).status).toBe(200);
      const refused = await post(limited.url, {}, "carol");
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toBe("60");
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        "rate-limited",
      );
      expect(limited.mints()).toBe(2);
      // Per principal: another caller is not held back.
      expect((await post(limited.url, {}, "dave")).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
