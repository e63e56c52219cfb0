import { verifyPresignedUrl } from "../providers/presigned-url-verifier";
import { ARN, CREDENTIALS, OTHER_ARN, SECRET, post, serve, type Served } from "./serve";

const PROVISIONAL = "provisional-client-id-0123456789abcdefghij";
const BOUND_PATTERN = /^[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{43}$/;
const NOW = Date.UTC(2030, 2, 3, 4, 5, 6, 789);
const SIGNED_AT = Math.floor(NOW / 1000) * 1000;

interface Answer {
  url: string;
  expiresAt: number;
  sessionId: string;
}

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

async function start(
  options: Parameters<typeof serve>[0] = {},
  wrap?: Parameters<typeof serve>[1],
) {
  served = await serve({ now: () => NOW, ...options }, wrap);
  return served;
}

describe("createPresignHandler over node:http", () => {
  it("mints a URL bound to the caller, with Date and no-store headers", async () => {
    const { url, logs, mints } = await start();
    const response = await post(url, { sessionId: PROVISIONAL });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("date")).toBe(new Date(SIGNED_AT).toUTCString());

    const answer = (await response.json()) as Answer;
    expect(Object.keys(answer).sort()).toEqual(["expiresAt", "sessionId", "url"]);
    expect(answer.sessionId).toMatch(BOUND_PATTERN);
    expect(answer.sessionId).not.toBe(PROVISIONAL);
    expect(answer.expiresAt).toBe(SIGNED_AT + 300_000);

    const verified = await verifyPresignedUrl(answer.url, CREDENTIALS, "us-west-2");
    expect(verified.url.pathname).toBe(`/runtimes/${encodeURIComponent(ARN)}/ws`);
    expect(verified.params["X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"]).toBe(answer.sessionId);
    expect(verified.signedAt.getTime()).toBe(SIGNED_AT);
    expect(verified.expiresSeconds).toBe(300);
    expect(mints()).toBe(1);
    expect(logs).toEqual([
      {
        type: "minted",
        principal: "alice",
        runtime: ARN,
        sessionId: answer.sessionId,
        expiresAt: answer.expiresAt,
      },
    ]);
  });

  it("binds ids per principal: same caller and id -> same session, resume as is, others refused", async () => {
    const { url, mints } = await start();
    const first = (await (await post(url, { sessionId: PROVISIONAL })).json()) as Answer;
    const again = (await (await post(url, { sessionId: PROVISIONAL })).json()) as Answer;
    const resumed = (await (await post(url, { sessionId: first.sessionId })).json()) as Answer;
    expect(again.sessionId).toBe(first.sessionId);
    expect(resumed.sessionId).toBe(first.sessionId);

    const bob = (await (await post(url, { sessionId: PROVISIONAL }, "bob")).json()) as Answer;
    expect(bob.sessionId).toMatch(BOUND_PATTERN);
    expect(bob.sessionId).not.toBe(first.sessionId);

    const stolen = await post(url, { sessionId: first.sessionId }, "bob");
    expect(stolen.status).toBe(403);
    expect(await stolen.json()).toEqual({
      error: { code: "session-forbidden", message: "This session belongs to someone else" },
    });
    expect(mints()).toBe(4);
  });

  it("makes a fresh bound id when the client sends none", async () => {
    const { url } = await start();
    const a = (await (await post(url, {})).json()) as Answer;
    const b = (await (await post(url, {})).json()) as Answer;
    expect(a.sessionId).toMatch(BOUND_PATTERN);
    expect(b.sessionId).toMatch(BOUND_PATTERN);
    expect(a.sessionId).not.toBe(b.sessionId);
  });

  it("lets a client ask for a shorter lifetime", async () => {
    const { url } = await start();
    const answer = (await (await post(url, { expires: 45 })).json()) as Answer;
    const verified = await verifyPresignedUrl(answer.url, CREDENTIALS, "us-west-2");
    expect(verified.expiresSeconds).toBe(45);
    expect(answer.expiresAt).toBe(SIGNED_AT + 45_000);
  });

  it("caps the lifetime at the configured expires", async () => {
    const { url } = await start({ expires: 120 });
    const answer = (await (await post(url, {})).json()) as Answer;
    expect((await verifyPresignedUrl(answer.url, CREDENTIALS, "us-west-2")).expiresSeconds).toBe(
      120,
    );
    expect((await post(url, { expires: 121 })).status).toBe(400);
  });

  it("serves an alias allowlist, each runtime in its own region, with its qualifier", async () => {
    const { url } = await start({
      runtimes: { support: ARN, billing: { runtimeArn: OTHER_ARN, endpointName: "prod" } },
    });
    const billing = (await (await post(url, { runtime: "billing" })).json()) as Answer;
    const verified = await verifyPresignedUrl(billing.url, CREDENTIALS, "us-east-1");
    expect(verified.url.host).toBe("bedrock-agentcore.us-east-1.amazonaws.com");
    expect(verified.url.pathname).toBe(`/runtimes/${encodeURIComponent(OTHER_ARN)}/ws`);
    expect(verified.params.qualifier).toBe("prod");
    const support = (await (await post(url, { runtime: "support" })).json()) as Answer;
    expect(new URL(support.url).pathname).toBe(`/runtimes/${encodeURIComponent(ARN)}/ws`);
  });

  it("signs for a local emulator endpoint", async () => {
    const { url } = await start({ endpoint: "ws://127.0.0.1:8787" });
    const answer = (await (await post(url, {})).json()) as Answer;
    expect(
      answer.url.startsWith(`ws://127.0.0.1:8787/runtimes/${encodeURIComponent(ARN)}/ws?`),
    ).toBe(true);
    await verifyPresignedUrl(answer.url, CREDENTIALS, "us-west-2");
  });

  it("answers CORS for allowed origins, exposing Date", async () => {
    const { url } = await start({ allowedOrigins: ["https://app.example.com"] });
    const response = await post(url, {}, "alice", { Origin: "https://app.example.com" });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-expose-headers")).toBe("Date");
    expect(response.headers.get("vary")).toBe("Origin");
    // Errors carry CORS headers too, so the page can read them.
    const refused = await post(url, {}, null, { Origin: "https://app.example.com" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe("https://app.example.com");
  });

  it("sends no CORS headers when allowedOrigins is not set", async () => {
    const { url } = await start();
    const response = await post(url, {}, "alice", { Origin: "https://elsewhere.example" });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("runs anonymously only when told to", async () => {
    const { url, logs } = await start({ authorize: undefined, allowAnonymous: true });
    const response = await post(url, {}, null);
    expect(response.status).toBe(200);
    expect(logs[0]).toMatchObject({ type: "minted", principal: "anonymous" });
  });

  it("answers 500 credentials-unavailable when credentials fail, and logs the cause", async () => {
    const { url, logs } = await start({
      credentials: async () => {
        throw new Error(
          "sts: AccessDenied for role arn:aws:iam::123456789012:role/internal-secret-role",
        );
      },
    });
    const response = await post(url, {});
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: {
        code: "credentials-unavailable",
        message: "The server has no AWS credentials to sign with",
      },
    });
    expect(text).not.toContain("AccessDenied");
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ type: "failed", principal: "alice" });
    expect(String((logs[0] as { error: Error }).error)).toContain("AccessDenied");
  });

  it("answers 500 internal with a generic message for other failures, and logs the cause", async () => {
    const { url, logs } = await start({
      authorize: () => {
        throw new Error("session store at 10.0.3.7 refused: wrong password");
      },
    });
    const response = await post(url, {});
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: "internal", message: "Could not create a URL" },
    });
    expect(text).not.toContain("10.0.3.7");
    expect(logs).toMatchObject([{ type: "failed", status: 500, code: "internal" }]);
  });

  it("defaults to the standard AWS environment variables", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIAFROMENVIRONMENT");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "environment/secret");
    vi.stubEnv("AWS_SESSION_TOKEN", "environment-token");
    try {
      const { url } = await start({ credentials: undefined });
      const answer = (await (await post(url, {})).json()) as Answer;
      const verified = await verifyPresignedUrl(
        answer.url,
        {
          accessKeyId: "AKIAFROMENVIRONMENT",
          secretAccessKey: "environment/secret",
          sessionToken: "environment-token",
        },
        "us-west-2",
      );
      expect(verified.params["X-Amz-Security-Token"]).toBe("environment-token");

      vi.stubEnv("AWS_ACCESS_KEY_ID", "");
      expect((await post(url, {})).status).toBe(500);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("reuses a body that Express's json parser already read", async () => {
    const { url } = await start({}, (listener) => (req, res) => {
      let text = "";
      req.on("data", (chunk) => (text += String(chunk)));
      req.on("end", () => {
        (req as typeof req & { body?: unknown }).body = JSON.parse(text);
        listener(req, res);
      });
    });
    const answer = (await (await post(url, { sessionId: PROVISIONAL })).json()) as Answer;
    expect(answer.sessionId).toMatch(BOUND_PATTERN);
  });

  it("answers an endless body with 413 and closes only that connection", async () => {
    const { url, mints } = await start();
    const chunk = new TextEncoder().encode(" ".repeat(1000));
    const big = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", Authorization: "Bearer alice" },
      body: new ReadableStream<Uint8Array>({
        start(controller) {
          for (let i = 0; i < 200; i++) controller.enqueue(chunk);
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(big.status).toBe(413);
    expect(big.headers.get("connection")).toBe("close");
    const normal = await post(url, {});
    expect(normal.status).toBe(200);
    expect(normal.headers.get("connection")).toBe("keep-alive");
    const wrongMethod = await fetch(url);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("connection")).toBe("keep-alive");
    expect(mints()).toBe(1);
  });

  it("never logs URLs, signatures or credentials", async () => {
    const { url, logs } = await start({ rateLimit: { max: 3, windowMs: 60_000 } });
    await post(url, { sessionId: PROVISIONAL });
    await post(url, "{bad json");
    await post(url, {}, null);
    await post(url, {});
    await post(url, {});
    const text = JSON.stringify(logs);
    expect(logs.map((e) => e.type)).toEqual(["minted", "refused", "refused", "minted", "refused"]);
    for (const secret of [
      "X-Amz",
      "wss://",
      CREDENTIALS.secretAccessKey,
      CREDENTIALS.sessionToken,
      SECRET,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe("session binding across handler instances", () => {
  it("resumes on another instance with the same secret, not after a restart without one", async () => {
    const first = await serve({ now: () => NOW });
    const bound = (await (await post(first.url, { sessionId: PROVISIONAL })).json()) as Answer;
    await first.close();

    const second = await serve({ now: () => NOW });
    const resumed = (await (
      await post(second.url, { sessionId: bound.sessionId })
    ).json()) as Answer;
    expect(resumed.sessionId).toBe(bound.sessionId);
    await second.close();

    const random = await serve({ now: () => NOW, sessionSecret: undefined });
    expect((await post(random.url, { sessionId: bound.sessionId })).status).toBe(403);
    await random.close();
  });

  it("verifies ids bound with a previous secret during rotation", async () => {
    const old = await serve({ now: () => NOW, sessionSecret: SECRET });
    const bound = (await (await post(old.url, {})).json()) as Answer;
    await old.close();
    const rotated = await serve({
      now: () => NOW,
      sessionSecret: ["a-brand-new-secret-of-32-bytes-or-more!!", SECRET],
    });
    expect(
      ((await (await post(rotated.url, { sessionId: bound.sessionId })).json()) as Answer)
        .sessionId,
    ).toBe(bound.sessionId);
    await rotated.close();
  });

  it("uses an app session policy, refusing with 403 when it says no", async () => {
    const seen: Array<[string | undefined, string]> = [];
    const { url } = await start({
      sessionIds: async (requested, principal) => {
        seen.push([requested, principal]);
        return principal === "alice" ? `app-session-for-${principal}-0123456789abcdef` : null;
      },
    });
    const answer = (await (await post(url, { sessionId: PROVISIONAL })).json()) as Answer;
    expect(answer.sessionId).toBe("app-session-for-alice-0123456789abcdef");
    const refused = await post(url, {}, "mallory");
    expect(refused.status).toBe(403);
    expect(seen).toEqual([
      [PROVISIONAL, "alice"],
      [undefined, "mallory"],
    ]);
  });
});
