import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { DEMO_CREDENTIALS, type Emulator, type UpgradeEvent } from "agentcore-react-emulator";
import { bearerSubprotocols } from "../../src/signing";
import {
  RUNTIME_ARN,
  connect,
  emulator,
  open,
  presignedUrl,
  refusedWith,
  sessionId,
  signer,
  stopEmulators,
} from "./client";

afterEach(stopEmulators);

const MINUTE = 60_000;

/** A presigned URL signed by smithy directly, so the test can pick any service. */
async function presignForService(target: Emulator, service: string): Promise<string> {
  const sigv4 = new SignatureV4({
    credentials: DEMO_CREDENTIALS,
    region: "us-west-2",
    service,
    sha256: Sha256,
    applyChecksum: false,
  });
  const path = `/runtimes/${encodeURIComponent(RUNTIME_ARN)}/ws`;
  const signed = await sigv4.presign(
    {
      method: "GET",
      protocol: "https:",
      hostname: "127.0.0.1",
      path,
      query: { "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": sessionId() },
      headers: { host: "127.0.0.1" },
    },
    { expiresIn: 300 },
  );
  const query = Object.entries(signed.query ?? {}).map(
    ([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`,
  );
  return `${target.url}${path}?${query.join("&")}`;
}

function lastUpgrade(target: Emulator): UpgradeEvent {
  return target.upgrades[target.upgrades.length - 1] as UpgradeEvent;
}

describe("presigned URLs at the upgrade", () => {
  it("accepts a URL from our signer and logs its session, signing time and expiry", async () => {
    const target = await emulator();
    const url = await presignedUrl(target, { endpointName: "DEFAULT", expires: 120 });
    const peer = await open(url);
    expect(await peer.roundTrip("hello")).toBe("hello");
    const event = lastUpgrade(target);
    expect(event).toMatchObject({
      outcome: "accepted",
      status: 101,
      auth: "sigv4-query",
      sessionId: sessionId(),
      runtimeArn: RUNTIME_ARN,
      qualifier: "DEFAULT",
      accessKeyId: DEMO_CREDENTIALS.accessKeyId,
    });
    expect(event.expiresAt! - event.signedAt!).toBe(120_000);
    expect(JSON.stringify(target.events)).not.toContain("X-Amz-Signature");
  });

  const presignedRefusals: Array<{
    name: string;
    makeUrl: (target: Emulator) => Promise<string>;
    status: number;
    code: string;
  }> = [
    {
      name: "a changed signature",
      makeUrl: async (t) =>
        (await presignedUrl(t)).replace(
          /Signature=(.)/,
          (_m, c: string) => `Signature=${c === "0" ? "1" : "0"}`,
        ),
      status: 403,
      code: "signature-mismatch",
    },
    {
      name: "a changed session id",
      makeUrl: async (t) => (await presignedUrl(t)).replace(sessionId(), sessionId(2)),
      status: 403,
      code: "signature-mismatch",
    },
    {
      name: "a changed qualifier",
      makeUrl: async (t) =>
        (await presignedUrl(t, { endpointName: "DEFAULT" })).replace(
          "qualifier=DEFAULT",
          "qualifier=CANARY",
        ),
      status: 403,
      code: "signature-mismatch",
    },
    {
      name: "an unknown access key",
      makeUrl: (t) =>
        presignedUrl(t, {
          client: { credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "x" } },
        }),
      status: 403,
      code: "unknown-access-key",
    },
    {
      name: "a wrong secret",
      makeUrl: (t) =>
        presignedUrl(t, {
          client: { credentials: { ...DEMO_CREDENTIALS, secretAccessKey: "wrong" } },
        }),
      status: 403,
      code: "signature-mismatch",
    },
    {
      name: "another region",
      makeUrl: (t) => presignedUrl(t, { client: { region: "us-east-1" } }),
      status: 403,
      code: "wrong-region",
    },
    {
      name: "another service",
      makeUrl: (t) => presignForService(t, "execute-api"),
      status: 403,
      code: "wrong-service",
    },
    {
      name: "an expired URL",
      makeUrl: (t) =>
        presignedUrl(t, { expires: 300, client: { now: () => Date.now() - 301_000 } }),
      status: 403,
      code: "expired",
    },
    {
      name: "a URL dated beyond the 5 minute skew",
      makeUrl: (t) => presignedUrl(t, { client: { now: () => Date.now() + 5 * MINUTE + 5000 } }),
      status: 403,
      code: "not-yet-valid",
    },
    {
      name: "a session id of 32 characters",
      makeUrl: (t) => presignedUrl(t, { session: "s".repeat(32) }),
      status: 400,
      code: "invalid-session-id",
    },
    {
      name: "a session id of 257 characters",
      makeUrl: (t) => presignedUrl(t, { session: "s".repeat(257) }),
      status: 400,
      code: "invalid-session-id",
    },
    {
      name: "a session token the credentials do not have",
      makeUrl: (t) =>
        presignedUrl(t, { client: { credentials: { ...DEMO_CREDENTIALS, sessionToken: "tok" } } }),
      status: 403,
      code: "security-token-mismatch",
    },
  ];

  it.each(presignedRefusals)(
    "refuses $name with HTTP $status before the upgrade",
    async ({ makeUrl, status, code }) => {
      const target = await emulator();
      expect(await refusedWith(await makeUrl(target))).toBe(status);
      expect(lastUpgrade(target)).toMatchObject({ outcome: "refused", status, code });
      expect(target.openConnections).toBe(0);
    },
  );

  it("accepts session ids of 33 and 256 characters", async () => {
    const target = await emulator();
    for (const length of [33, 256]) {
      const peer = await open(await presignedUrl(target, { session: "s".repeat(length) }));
      peer.ws.close();
    }
    expect(target.upgrades.map((event) => event.sessionId?.length)).toEqual([33, 256]);
  });

  it("accepts a URL dated within the skew allowance, ahead of the emulator clock", async () => {
    const target = await emulator();
    await open(await presignedUrl(target, { client: { now: () => Date.now() + 4 * MINUTE } }));
    expect(lastUpgrade(target).outcome).toBe("accepted");
  });

  it("requires the exact token of temporary credentials", async () => {
    const credentials = { ...DEMO_CREDENTIALS, sessionToken: "temporary-token" };
    const target = await emulator({ credentials });
    await open(await presignedUrl(target, { client: { credentials } }));
    expect(await refusedWith(await presignedUrl(target))).toBe(403);
    expect(
      await refusedWith(
        await presignedUrl(target, {
          client: { credentials: { ...credentials, sessionToken: "other" } },
        }),
      ),
    ).toBe(403);
  });

  it("refuses missing authentication with 401, other paths with 404, a bad ARN with 400, another region's runtime with 404", async () => {
    const target = await emulator();
    expect(await refusedWith(target.runtimeUrl(RUNTIME_ARN))).toBe(401);
    expect(await refusedWith(`${target.url}/nope`)).toBe(404);
    expect(await refusedWith(`${target.url}/runtimes/not-an-arn/ws`)).toBe(400);
    const foreign = "arn:aws:bedrock-agentcore:eu-west-1:123456789012:runtime/elsewhere";
    const url = await signer(target).generatePresignedUrl({
      runtimeArn: foreign,
      sessionId: sessionId(),
    });
    expect(await refusedWith(url)).toBe(404);
    expect(target.upgrades.map((event) => event.status)).toEqual([401, 404, 400, 404]);
  });

  it("answers a refusal with a JSON message and an error type header", async () => {
    const target = await emulator();
    const attempt = await connect(target.runtimeUrl(RUNTIME_ARN));
    expect(attempt).toMatchObject({
      ok: false,
      status: 401,
      body: { message: expect.stringContaining("Missing authentication") },
    });
    if (!attempt.ok) expect(attempt.headers["x-amzn-errortype"]).toBe("UnauthorizedException");
  });

  it("refuses a presigned URL that also carries an Authorization header", async () => {
    const target = await emulator();
    expect(
      await refusedWith(await presignedUrl(target), { headers: { Authorization: "Bearer x" } }),
    ).toBe(400);
  });

  it("gives a URL without a session id a fresh one, as the service does", async () => {
    const target = await emulator();
    const url = (await presignedUrl(target)).replace(
      /X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=[^&]+&/,
      "",
    );
    // Removing a signed parameter breaks the signature; sign one without it instead.
    expect(await refusedWith(url)).toBe(403);
    const sigv4 = new SignatureV4({
      credentials: DEMO_CREDENTIALS,
      region: "us-west-2",
      service: "bedrock-agentcore",
      sha256: Sha256,
      applyChecksum: false,
    });
    const path = `/runtimes/${encodeURIComponent(RUNTIME_ARN)}/ws`;
    const signed = await sigv4.presign(
      {
        method: "GET",
        protocol: "https:",
        hostname: "127.0.0.1",
        path,
        query: {},
        headers: { host: "127.0.0.1" },
      },
      { expiresIn: 60 },
    );
    const query = Object.entries(signed.query ?? {}).map(
      ([key, value]) => `${key}=${encodeURIComponent(String(value))}`,
    );
    await open(`${target.url}${path}?${query.join("&")}`);
    expect(lastUpgrade(target).sessionId).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe("SigV4 header authentication at the upgrade", () => {
  it("accepts our signer's headers and takes the session id from its header", async () => {
    const target = await emulator();
    const connection = await signer(target).generateWsConnection({
      runtimeArn: RUNTIME_ARN,
      sessionId: sessionId(3),
      endpointName: "DEFAULT",
    });
    const peer = await open(connection.url, { headers: connection.headers });
    expect(await peer.roundTrip("ping")).toBe("ping");
    expect(lastUpgrade(target)).toMatchObject({
      auth: "sigv4-header",
      sessionId: sessionId(3),
      qualifier: "DEFAULT",
      outcome: "accepted",
    });
  });

  const headerRefusals: Array<{
    name: string;
    change: (headers: Record<string, string>) => Record<string, string>;
    status: number;
  }> = [
    {
      name: "a changed signature",
      change: (h) => ({
        ...h,
        Authorization: h["Authorization"]!.replace(/.$/, (c) => (c === "0" ? "1" : "0")),
      }),
      status: 403,
    },
    {
      name: "a changed X-Amz-Date",
      change: (h) => ({
        ...h,
        "X-Amz-Date": h["X-Amz-Date"]!.replace(/\dZ$/, (m) => `${(Number(m[0]) + 1) % 10}Z`),
      }),
      status: 403,
    },
    {
      name: "a changed Host",
      change: (h) => ({ ...h, Host: h["Host"]!.replace("127.0.0.1", "localhost") }),
      status: 403,
    },
    {
      name: "a short session id",
      change: (h) => ({ ...h, "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": "short" }),
      status: 400,
    },
  ];

  it.each(headerRefusals)("refuses $name with HTTP $status", async ({ change, status }) => {
    const target = await emulator();
    const connection = await signer(target).generateWsConnection({
      runtimeArn: RUNTIME_ARN,
      sessionId: sessionId(),
    });
    expect(await refusedWith(connection.url, { headers: change(connection.headers) })).toBe(status);
  });

  it("refuses headers signed more than 5 minutes ago or ahead", async () => {
    const target = await emulator();
    for (const offset of [-6 * MINUTE, 6 * MINUTE]) {
      const connection = await signer(target, {
        now: () => Date.now() + offset,
      }).generateWsConnection({ runtimeArn: RUNTIME_ARN, sessionId: sessionId() });
      expect(await refusedWith(connection.url, { headers: connection.headers })).toBe(403);
    }
    expect(target.upgrades.map((event) => event.code)).toEqual(["expired", "not-yet-valid"]);
  });
});

describe("OAuth bearer tokens at the upgrade", () => {
  const url = (target: Emulator, session = sessionId()) =>
    `${target.runtimeUrl(RUNTIME_ARN)}?X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=${session}`;

  it("accepts a token in the Authorization header", async () => {
    const target = await emulator({ bearerTokens: ["token-1"] });
    const connection = await signer(target).generateWsConnectionOAuth({
      runtimeArn: RUNTIME_ARN,
      bearerToken: "token-1",
      sessionId: sessionId(4),
    });
    const peer = await open(connection.url, { headers: connection.headers });
    expect(peer.ws.protocol).toBe("");
    expect(lastUpgrade(target)).toMatchObject({ auth: "bearer-header", sessionId: sessionId(4) });
  });

  it("accepts a token in the subprotocol and echoes base64UrlBearerAuthorization", async () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2ln";
    const target = await emulator({ bearerTokens: [token] });
    const attempt = await connect(url(target, sessionId(5)), {
      protocols: bearerSubprotocols(token),
    });
    expect(attempt).toMatchObject({ ok: true, protocol: "base64UrlBearerAuthorization" });
    expect(lastUpgrade(target)).toMatchObject({
      auth: "bearer-subprotocol",
      sessionId: sessionId(5),
      protocol: "base64UrlBearerAuthorization",
    });
  });

  it("refuses a wrong or malformed token with 401", async () => {
    const target = await emulator({ bearerTokens: ["token-1"] });
    expect(await refusedWith(url(target), { headers: { Authorization: "Bearer token-2" } })).toBe(
      401,
    );
    expect(await refusedWith(url(target), { protocols: bearerSubprotocols("token-2") })).toBe(401);
    expect(
      await refusedWith(url(target), {
        protocols: ["base64UrlBearerAuthorization.not*base64", "base64UrlBearerAuthorization"],
      }),
    ).toBe(401);
    expect(
      await refusedWith(url(target), { headers: { Authorization: "Basic dXNlcjpwYXNz" } }),
    ).toBe(401);
  });

  it("lets a function decide, telling it the runtime and session", async () => {
    const seen: unknown[] = [];
    const target = await emulator({
      bearerTokens: (token, request) => {
        seen.push({ token, ...request });
        return token.startsWith("good-");
      },
    });
    await open(url(target, sessionId(6)), { protocols: bearerSubprotocols("good-1") });
    expect(await refusedWith(url(target), { protocols: bearerSubprotocols("bad-1") })).toBe(401);
    expect(seen[0]).toEqual({
      token: "good-1",
      runtimeArn: RUNTIME_ARN,
      sessionId: sessionId(6),
      via: "subprotocol",
    });
  });

  it("answers 500 when the verifier function throws", async () => {
    const target = await emulator({
      bearerTokens: () => {
        throw new Error("verifier broke");
      },
    });
    expect(await refusedWith(url(target), { protocols: bearerSubprotocols("x") })).toBe(500);
  });

  it("refuses bearer tokens when none are configured, and SigV4 when only bearer tokens are", async () => {
    const sigv4Only = await emulator();
    expect(await refusedWith(url(sigv4Only), { protocols: bearerSubprotocols("x") })).toBe(401);
    const bearerOnly = await emulator({ credentials: undefined, bearerTokens: ["x"] });
    expect(await refusedWith(await presignedUrl(bearerOnly))).toBe(403);
  });
});
