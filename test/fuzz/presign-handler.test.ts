import { connect } from "node:net";
import fc from "fast-check";
import { verifyPresignedUrl } from "agentcore-react-emulator";
import { createPresignHandler } from "../../src/server";
import { ARN, CREDENTIALS, SECRET, bearerPrincipal, serve } from "../server/serve";
import { FUZZ_SEED, fuzzTarget, runs } from "./fuzz-report";

/**
 * Requests of every shape to the presign handler: methods, content types, authorization and
 * origin headers, and bodies (JSON of any shape, bound session ids of this and of another user,
 * bytes that are not UTF-8, oversized ones), then raw HTTP to its node:http adapter. Nothing is
 * minted without authorization, a minted URL verifies for the configured runtime and a session
 * bound to the caller, and bad input never gets a 500. (The body-only property lives in
 * test/server/presign-handler-property.test.ts.)
 */

const NOW = Date.UTC(2026, 10, 27, 12, 0, 0);
const APP_ORIGIN = "https://app.example.com";
const BOUND_ID = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/;

function createFuzzedHandler() {
  let mints = 0;
  const handler = createPresignHandler({
    runtimes: { support: ARN },
    authorize: bearerPrincipal,
    credentials: async () => {
      mints += 1;
      return CREDENTIALS;
    },
    sessionSecret: SECRET,
    allowedOrigins: [APP_ORIGIN],
    expires: 120,
    now: () => NOW,
  });
  return { handler, mints: () => mints };
}

/** A session id the handler bound to `principal`. */
async function boundId(principal: string): Promise<string> {
  const { handler } = createFuzzedHandler();
  const response = await handler(
    new Request(`${APP_ORIGIN}/api/agent-url`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: `Bearer ${principal}` },
      body: JSON.stringify({ runtime: "support" }),
    }),
  );
  return ((await response.json()) as { sessionId: string }).sessionId;
}

/** Header values a `Headers` object accepts (Latin-1, no CR, LF or NUL). */
const headerValue = fc.string({
  unit: fc
    .oneof(
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0x80, max: 0xff }),
      fc.constant(0x09),
    )
    .map((c) => String.fromCharCode(c)),
  maxLength: 60,
});

const method = fc.oneof(
  { arbitrary: fc.constant("POST"), weight: 8 },
  {
    arbitrary: fc.constantFrom(
      "GET",
      "HEAD",
      "PUT",
      "PATCH",
      "DELETE",
      "OPTIONS",
      "post",
      "Post",
      "PROPFIND",
    ),
    weight: 2,
  },
);
const contentType = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      "application/json",
      "application/json; charset=utf-8",
      "APPLICATION/JSON",
    ),
    weight: 6,
  },
  {
    arbitrary: fc.constantFrom(
      undefined,
      "",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/jsonp",
      "application/json-patch+json",
      "application/json, text/plain",
    ),
    weight: 2,
  },
  { arbitrary: headerValue, weight: 1 },
);
const authorization = fc.oneof(
  { arbitrary: fc.constantFrom("Bearer alice", "Bearer bob"), weight: 6 },
  {
    arbitrary: fc.constantFrom(
      undefined,
      "",
      "Bearer",
      "Bearer ",
      "bearer alice",
      "Bearer  alice",
      " Bearer alice ",
      "Bearer alice extra",
      "Bearer al-ice",
      "Basic YWxpY2U6cGFzcw==",
      "Bearer alice\tbob",
    ),
    weight: 3,
  },
  { arbitrary: headerValue, weight: 1 },
);
const origin = fc.oneof(
  { arbitrary: fc.constant(undefined), weight: 4 },
  {
    arbitrary: fc.constantFrom(
      APP_ORIGIN,
      "https://evil.example",
      "null",
      `${APP_ORIGIN}.evil.example`,
    ),
    weight: 2,
  },
  { arbitrary: headerValue, weight: 1 },
);

interface Ids {
  alice: string;
  bob: string;
}

const body = (ids: Ids) => {
  const sessionId = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 4 },
    { arbitrary: fc.constantFrom(ids.alice, ids.bob, "f".repeat(36)), weight: 4 },
    fc.constantFrom(`${ids.alice}x`, ids.alice.toUpperCase(), ids.alice.replace(".", "")),
    fc.string({ unit: "grapheme-ascii", minLength: 30, maxLength: 80 }),
    fc.jsonValue(),
  );
  const runtime = fc.oneof(
    { arbitrary: fc.constant("support"), weight: 12 },
    fc.constantFrom(undefined, ARN, "Support", "__proto__", "constructor", "toString"),
    fc.jsonValue(),
  );
  const expires = fc.oneof(
    { arbitrary: fc.constant(undefined), weight: 8 },
    { arbitrary: fc.constantFrom(1, 60, 120), weight: 4 },
    fc.constantFrom(0, 121, 300, -1, 1.5, 1e308),
    fc.jsonValue(),
  );
  const fields = fc.record({ sessionId, runtime, expires }, { requiredKeys: [] });
  return fc.oneof(
    { arbitrary: fields.map((value) => JSON.stringify(value)), weight: 10 },
    {
      arbitrary: fc
        .tuple(fields, fc.string({ maxLength: 10 }), fc.jsonValue())
        .map(([value, key, extra]) => JSON.stringify({ ...value, [key]: extra })),
      weight: 1,
    },
    { arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)), weight: 1 },
    { arbitrary: fc.string({ maxLength: 100 }), weight: 1 },
    { arbitrary: fc.uint8Array({ maxLength: 100 }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        "x".repeat(5000),
        `{"runtime":"support","pad":"${"y".repeat(5000)}"}`,
      ),
      weight: 1,
    },
  );
};

/** The `sessionId` a request body asked for, when it is JSON with one. */
function requestedSessionId(payload: string | Uint8Array): unknown {
  if (typeof payload !== "string") return undefined;
  try {
    return (JSON.parse(payload) as { sessionId?: unknown } | null)?.sessionId;
  } catch {
    return undefined;
  }
}

describe("fuzz: presign handler", () => {
  it("mints only for an authorized POST of a valid body, a verifiable URL bound to the caller; never 500", async () => {
    const ids = { alice: await boundId("alice"), bob: await boundId("bob") };
    const { handler, mints } = createFuzzedHandler();
    let cases = 0;
    let minted = 0;
    const statuses: Record<number, number> = {};
    await fuzzTarget(
      "presign handler: requests",
      () => ({ cases, minted, statuses }),
      () =>
        fc.assert(
          fc.asyncProperty(
            method,
            contentType,
            authorization,
            origin,
            body(ids),
            async (verb, type, auth, from, payload) => {
              cases += 1;
              const headers = new Headers();
              if (type !== undefined) headers.set("content-type", type);
              if (auth !== undefined) headers.set("authorization", auth);
              if (from !== undefined) headers.set("origin", from);
              const request = new Request(`${APP_ORIGIN}/api/agent-url`, {
                method: verb,
                headers,
                ...(verb.toUpperCase() === "GET" || verb.toUpperCase() === "HEAD"
                  ? {}
                  : { body: payload }),
              });
              const principal = bearerPrincipal(request)?.principal;
              const before = mints();
              const response = await handler(request.clone());
              statuses[response.status] = (statuses[response.status] ?? 0) + 1;
              expect(response.status).not.toBe(500);
              if (response.status !== 200) {
                expect(mints()).toBe(before);
                if (response.status !== 204) {
                  const answer = (await response.json()) as { error?: { code?: unknown } };
                  expect(typeof answer.error?.code).toBe("string");
                  expect(response.headers.get("cache-control")).toBe("no-store");
                }
                return;
              }
              minted += 1;
              expect(mints()).toBe(before + 1);
              expect(request.method).toBe("POST");
              expect(principal).toBeDefined();
              if (from !== undefined) expect(from).toBe(APP_ORIGIN);
              const answer = (await response.json()) as { url: string; sessionId: string };
              const verdict = await verifyPresignedUrl(answer.url, {
                credentials: CREDENTIALS,
                now: NOW,
              });
              expect(verdict).toMatchObject({
                ok: true,
                runtimeArn: ARN,
                sessionId: answer.sessionId,
              });
              expect(answer.sessionId).toMatch(BOUND_ID);
              // Bound to the caller: never another user's session; the caller's own one resumes.
              expect(answer.sessionId).not.toBe(principal === "alice" ? ids.bob : ids.alice);
              const asked = requestedSessionId(payload);
              if (asked === ids.alice || asked === ids.bob) expect(answer.sessionId).toBe(asked);
            },
          ),
          { seed: FUZZ_SEED, numRuns: runs(1000) },
        ),
    );
    // Most generated requests are refused on purpose; enough must get through to mean something.
    expect(minted).toBeGreaterThan(cases / 25);
  });

  it("over node:http, raw requests of any framing get an answer that is never a 500 nor a URL without authorization", async () => {
    const served = await serve({
      runtimeArn: undefined,
      runtimes: { support: ARN },
    });
    const { port } = new URL(served.url);
    const rawHeader = fc.tuple(
      fc.constantFrom(
        "Content-Type",
        "Authorization",
        "Content-Length",
        "Transfer-Encoding",
        "Expect",
        "X-Other",
        "content-type",
      ),
      fc.oneof(
        fc.constantFrom(
          "application/json",
          "Bearer alice",
          "chunked",
          "100-continue",
          "0",
          "99999",
          "-1",
          "abc",
        ),
        fc.string({
          unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
          maxLength: 30,
        }),
      ),
    );
    let cases = 0;
    let minted = 0;
    const statuses: Record<string, number> = {};
    await fuzzTarget(
      "presign handler: raw HTTP through toNodeHandler",
      () => ({ cases, minted, statuses }),
      async () => {
        try {
          await fc.assert(
            fc.asyncProperty(
              fc.constantFrom("POST", "POST", "POST", "GET", "PUT", "OPTIONS"),
              fc.array(rawHeader, { maxLength: 5 }),
              fc.boolean(),
              fc.oneof(
                fc.constant(JSON.stringify({ runtime: "support" })),
                fc.string({ maxLength: 120 }),
                fc.jsonValue().map((value) => JSON.stringify(value)),
              ),
              async (verb, extraHeaders, authorized, payload) => {
                cases += 1;
                const before = served.mints();
                const lines = [
                  `${verb} /api/agent-url HTTP/1.1`,
                  `Host: 127.0.0.1:${port}`,
                  "Connection: close",
                  "Content-Type: application/json",
                  ...(authorized ? ["Authorization: Bearer alice"] : []),
                  ...extraHeaders.map(([name, value]) => `${name}: ${value}`),
                  `Content-Length: ${Buffer.byteLength(payload)}`,
                ];
                const status = await rawRequest(
                  Number(port),
                  `${lines.join("\r\n")}\r\n\r\n${payload}`,
                );
                statuses[status] = (statuses[status] ?? 0) + 1;
                expect(status).not.toBe("500");
                if (status === "200") {
                  minted += 1;
                  expect(served.mints()).toBe(before + 1);
                  // Authorized, by the request's one Authorization header or an added one.
                  expect(
                    authorized ||
                      extraHeaders.some(
                        ([name, value]) => name === "Authorization" && value === "Bearer alice",
                      ),
                  ).toBe(true);
                } else {
                  expect(served.mints()).toBe(before);
                }
              },
            ),
            { seed: FUZZ_SEED, numRuns: runs(200) },
          );
        } finally {
          await served.close();
        }
      },
    );
    expect(minted).toBeGreaterThan(0);
  }, 60_000);
});

/**
 * Sends raw bytes to 127.0.0.1:port and resolves with the final status code of the answer
 * (after any `100 Continue`), or "none" when the server hung up without one.
 */
function rawRequest(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    const safetyNet = setTimeout(() => {
      socket.destroy();
      resolve("timeout");
    }, 3_000);
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      answer += chunk;
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "ECONNRESET" || error.code === "EPIPE") return;
      clearTimeout(safetyNet);
      reject(error);
    });
    socket.on("close", () => {
      clearTimeout(safetyNet);
      const codes = [...answer.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => match[1] as string);
      resolve(codes.filter((code) => !code.startsWith("1")).at(-1) ?? "none");
    });
    // Written without a FIN: Node's HTTP server aborts a request whose client half-closes.
    socket.write(request);
  });
}
