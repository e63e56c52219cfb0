import { SignatureV4 } from "@smithy/signature-v4";
import { Sha256 } from "@aws-crypto/sha256-js";
import {
  AgentRuntimeClient,
  AgentRuntimeCredentialsError,
  AgentRuntimeInvalidRegionError,
  AgentRuntimeValidationError,
  bearerSubprotocols,
  parseRuntimeArn,
} from "../signing";

const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-AbCdEf1234";
const SESSION = "session-0001-abcdefghijklmnopqrstuvwxyz012345";
const KEYS = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const NOW = Date.UTC(2025, 0, 1);

function client(overrides: Partial<ConstructorParameters<typeof AgentRuntimeClient>[0]> = {}) {
  return new AgentRuntimeClient({
    region: "us-west-2",
    credentials: KEYS,
    now: () => NOW,
    ...overrides,
  });
}

/** Recomputes the signature of a presigned URL with smithy directly, as an independent check. */
async function expectedSignature(
  url: string,
  host: string,
  secretAccessKey = KEYS.secretAccessKey,
) {
  const parsed = new URL(url.replace(/^wss?:/, "https:"));
  const query: Record<string, string> = {};
  for (const [k, v] of parsed.searchParams) if (k !== "X-Amz-Signature") query[k] = v;
  const [accessKeyId, , region] = query["X-Amz-Credential"]!.split("/");
  const token = query["X-Amz-Security-Token"];
  for (const k of Object.keys(query)) if (k.startsWith("X-Amz-")) delete query[k];
  const signer = new SignatureV4({
    credentials: { accessKeyId: accessKeyId!, secretAccessKey, sessionToken: token },
    region: region!,
    service: "bedrock-agentcore",
    sha256: Sha256,
  });
  const signed = await signer.presign(
    {
      method: "GET",
      protocol: "https:",
      hostname: host,
      path: parsed.pathname,
      query,
      headers: { host },
    },
    { signingDate: new Date(NOW), expiresIn: Number(parsed.searchParams.get("X-Amz-Expires")) },
  );
  return signed.query?.["X-Amz-Signature"];
}

describe("parseRuntimeArn", () => {
  it("splits a commercial and a GovCloud ARN", () => {
    expect(parseRuntimeArn(ARN)).toEqual({
      partition: "aws",
      region: "us-west-2",
      accountId: "123456789012",
      runtimeId: "my_agent-AbCdEf1234",
    });
    expect(
      parseRuntimeArn("arn:aws-us-gov:bedrock-agentcore:us-gov-west-1:1:runtime/x").partition,
    ).toBe("aws-us-gov");
  });

  it.each([
    [
      "arn:aws-cn:bedrock-agentcore:cn-north-1:1:runtime/x",
      "Invalid runtime ARN format: arn:aws-cn:bedrock-agentcore:cn-north-1:1:runtime/x",
    ],
    [
      "arn:aws:bedrock-agentcore:us-west-2:1:runtime/a:b",
      "Invalid runtime ARN format: arn:aws:bedrock-agentcore:us-west-2:1:runtime/a:b",
    ],
    ["arn:aws:bedrock-agentcore::1:runtime/x", "ARN components cannot be empty"],
    ["arn:aws:bedrock-agentcore:us-west-2::runtime/x", "ARN components cannot be empty"],
  ])("refuses %s with the SDK's message", (arn, message) => {
    expect(() => parseRuntimeArn(arn)).toThrow(new AgentRuntimeValidationError(message));
  });
});

describe("AgentRuntimeClient construction", () => {
  it.each([
    [
      "us-west-2\n",
      "Invalid AWS region: 'us-west-2\\n'. Region must match pattern like 'us-east-1', 'eu-west-2', 'cn-north-1'.",
    ],
    [
      "x@attacker.com:443/#",
      "Invalid AWS region: 'x@attacker.com:443/#'. Region must match pattern like 'us-east-1', 'eu-west-2', 'cn-north-1'.",
    ],
    [
      "it's-1",
      `Invalid AWS region: "it's-1". Region must match pattern like 'us-east-1', 'eu-west-2', 'cn-north-1'.`,
    ],
  ])("refuses the region %j like the SDK", (region, message) => {
    const make = () => new AgentRuntimeClient({ region, credentials: KEYS });
    expect(make).toThrow(AgentRuntimeInvalidRegionError);
    expect(make).toThrow(AgentRuntimeValidationError);
    expect(make).toThrow(message);
  });

  it.each([
    "ftp://localhost",
    "ws://localhost:1/path",
    "ws://user:pw@localhost",
    "not a url",
    "ws://h/?q=1",
  ])("refuses the endpoint %s", (endpoint) => {
    expect(() => client({ endpoint })).toThrow(AgentRuntimeValidationError);
  });
});

describe("generatePresignedUrl", () => {
  it("targets an emulator endpoint, signing the bare hostname as the SDK does", async () => {
    const url = await client({ endpoint: "ws://127.0.0.1:8787" }).generatePresignedUrl({
      runtimeArn: ARN,
      sessionId: SESSION,
    });
    expect(url.startsWith("ws://127.0.0.1:8787/runtimes/arn%3Aaws%3A")).toBe(true);
    expect(new URL(url).searchParams.get("X-Amz-Signature")).toBe(
      await expectedSignature(url, "127.0.0.1"),
    );
  });

  it("reports the session id, signing time and expiry", async () => {
    const presigned = await client().presign({ runtimeArn: ARN, sessionId: SESSION, expires: 60 });
    expect(presigned).toMatchObject({ sessionId: SESSION, signedAt: NOW, expiresAt: NOW + 60_000 });
  });

  it("generates a fresh random session id when none is given", async () => {
    const c = new AgentRuntimeClient({ region: "us-west-2", credentials: KEYS });
    const a = await c.presign({ runtimeArn: ARN });
    const b = await c.presign({ runtimeArn: ARN });
    expect(a.sessionId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(a.sessionId).not.toBe(b.sessionId);
    expect(new URL(a.url).searchParams.get("X-Amzn-Bedrock-AgentCore-Runtime-Session-Id")).toBe(
      a.sessionId,
    );
  });

  it("treats custom params given as pairs and as an object alike, in the caller's order", async () => {
    const asObject = await client().generatePresignedUrl({
      runtimeArn: ARN,
      sessionId: SESSION,
      customParams: { b: "2", a: "1 (x)!*'" },
    });
    const asPairs = await client().generatePresignedUrl({
      runtimeArn: ARN,
      sessionId: SESSION,
      customParams: [
        ["b", "2"],
        ["a", "1 (x)!*'"],
      ],
    });
    expect(asPairs).toBe(asObject);
    expect(asObject).toContain(
      "?b=2&a=1%20%28x%29%21%2A%27&X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=",
    );
    expect(new URL(asObject).searchParams.get("X-Amz-Signature")).toBe(
      await expectedSignature(asObject, "bedrock-agentcore.us-west-2.amazonaws.com"),
    );
  });

  it.each([
    [{ "X-Amz-Date": "1" }, "reserved for SigV4"],
    [{ "x-amz-signature": "1" }, "reserved for SigV4"],
    [{ "": "1" }, "cannot be empty"],
    [{ ok: { nested: 1 } as unknown as string }, "must be a string"],
    [{ bad: "\ud800" }, "lone UTF-16 surrogate"],
  ])("refuses the custom params %j with a typed error", async (customParams, message) => {
    await expect(
      client().generatePresignedUrl({ runtimeArn: ARN, sessionId: SESSION, customParams }),
    ).rejects.toThrow(
      expect.objectContaining({
        name: "AgentRuntimeValidationError",
        message: expect.stringContaining(message),
      }),
    );
  });

  it.each([-1, 1.5, Number.NaN])("refuses expires %s", async (expires) => {
    await expect(
      client().generatePresignedUrl({ runtimeArn: ARN, expires }),
    ).rejects.toBeInstanceOf(AgentRuntimeValidationError);
  });

  it("checks expires before the ARN, as the SDK does", async () => {
    await expect(
      client().generatePresignedUrl({ runtimeArn: "bad", expires: 301 }),
    ).rejects.toThrow("Expiry timeout cannot exceed 300 seconds, got 301");
  });

  it("resolves a credentials provider on every call, so rotation works", async () => {
    let calls = 0;
    const c = client({
      credentials: async () => ({ ...KEYS, accessKeyId: `AKID${++calls}` }),
    });
    const first = await c.generatePresignedUrl({ runtimeArn: ARN, sessionId: SESSION });
    const second = await c.generatePresignedUrl({ runtimeArn: ARN, sessionId: SESSION });
    expect(new URL(first).searchParams.get("X-Amz-Credential")).toMatch(/^AKID1\//);
    expect(new URL(second).searchParams.get("X-Amz-Credential")).toMatch(/^AKID2\//);
  });

  it("wraps a failing credentials provider in a typed error that keeps the cause", async () => {
    const cause = new Error("network down");
    const c = client({ credentials: async () => Promise.reject(cause) });
    const error = await c.generatePresignedUrl({ runtimeArn: ARN }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentRuntimeCredentialsError);
    expect((error as Error).message).toBe("Could not resolve AWS credentials: network down");
    expect((error as Error).cause).toBe(cause);
  });

  it.each([null, undefined, { accessKeyId: "", secretAccessKey: "x" }])(
    "refuses missing credentials (%j) with the SDK's message",
    async (credentials) => {
      await expect(
        client({ credentials: credentials as never }).generatePresignedUrl({ runtimeArn: ARN }),
      ).rejects.toThrow(new AgentRuntimeCredentialsError("No AWS credentials found"));
    },
  );
});

describe("generateWsConnection", () => {
  it("signs the Host with its port for an emulator endpoint", async () => {
    const { url, headers } = await client({ endpoint: "ws://localhost:9000" }).generateWsConnection(
      {
        runtimeArn: ARN,
        sessionId: SESSION,
        endpointName: "DEFAULT",
      },
    );
    expect(url).toBe(
      `ws://localhost:9000/runtimes/${encodeURIComponent(ARN)}/ws?qualifier=DEFAULT`,
    );
    expect(headers.Host).toBe("localhost:9000");
    expect(headers.Authorization).toContain("SignedHeaders=host;x-amz-date,");
    expect(Object.keys(headers)).toEqual([
      "Host",
      "X-Amz-Date",
      "Authorization",
      "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id",
      "User-Agent",
    ]);
  });

  it("refuses a session id that cannot travel in a header", async () => {
    await expect(
      client().generateWsConnection({ runtimeArn: ARN, sessionId: `${SESSION}\r\nX: y` }),
    ).rejects.toThrow(AgentRuntimeValidationError);
  });
});

describe("generateWsConnectionOAuth", () => {
  it("needs no AWS credentials", async () => {
    const { headers } = await client({ credentials: null }).generateWsConnectionOAuth({
      runtimeArn: ARN,
      bearerToken: "token",
      sessionId: SESSION,
    });
    expect(headers.Authorization).toBe("Bearer token");
  });

  it("refuses a token that cannot travel in a header", async () => {
    await expect(
      client().generateWsConnectionOAuth({ runtimeArn: ARN, bearerToken: "a\nb" }),
    ).rejects.toBeInstanceOf(AgentRuntimeValidationError);
  });
});

describe("bearerSubprotocols", () => {
  it("carries the token as unpadded base64url, then the marker protocol", () => {
    const token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2ln?>";
    const [carrier, marker] = bearerSubprotocols(token);
    expect(marker).toBe("base64UrlBearerAuthorization");
    const encoded = carrier.slice("base64UrlBearerAuthorization.".length);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(Buffer.from(encoded, "base64url").toString("utf8")).toBe(token);
  });

  it("encodes non-ASCII tokens as UTF-8", () => {
    const [carrier] = bearerSubprotocols("tøken✓");
    expect(Buffer.from(carrier.split(".")[1]!, "base64url").toString("utf8")).toBe("tøken✓");
  });

  it("refuses an empty token with the SDK's message", () => {
    expect(() => bearerSubprotocols("")).toThrow(
      new AgentRuntimeValidationError("Bearer token cannot be empty"),
    );
  });
});
