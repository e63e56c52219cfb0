import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { verifySignedHeaders, type VerifySignedHeadersOptions } from "agentcore-react-emulator";
import { AgentRuntimeClient } from "../../src/signing";
import type { VectorFile } from "../vectors/vector-format";

const file = JSON.parse(
  readFileSync(resolve(__dirname, "../fixtures/agentcore-python-sdk.json"), "utf8"),
) as VectorFile;

const headerVectors = (file.vectors ?? [])
  .filter((vector) => vector.method === "generate_ws_connection")
  .map((vector) => {
    const url = new URL(vector.output?.url as string);
    return {
      name: vector.name as string,
      target: url.pathname + url.search,
      headers: vector.output?.headers as Record<string, string>,
      now: Date.parse(vector.input?.now as string),
      input: vector.input ?? {},
      options: {
        credentials: vector.input?.credentials as VerifySignedHeadersOptions["credentials"],
        now: Date.parse(vector.input?.now as string),
      },
    };
  });

/** The headers the signature covers (the others, like User-Agent, are free to change). */
const SIGNED = ["Host", "X-Amz-Date", "Authorization", "X-Amz-Security-Token"];

describe("verifySignedHeaders against the golden vectors", () => {
  it("covers every header-signing vector of the fixture", () => {
    expect(headerVectors).toHaveLength(3);
  });

  it.each(headerVectors)("accepts $name at the vector's time", async (vector) => {
    expect(
      await verifySignedHeaders({ target: vector.target, headers: vector.headers }, vector.options),
    ).toMatchObject({
      ok: true,
      runtimeArn: vector.input.runtime_arn,
      sessionId: vector.input.session_id,
      qualifier: vector.input.endpoint_name,
      signedAt: vector.now,
    });
  });

  it.each(headerVectors)(
    "rejects $name once any character of a signed header or the path changes",
    async (vector) => {
      const accepted: string[] = [];
      let tried = 0;
      for (const name of SIGNED) {
        const value = vector.headers[name];
        if (value === undefined) continue;
        for (let i = 0; i < value.length; i += 1) {
          const replacement = value[i] === "a" ? "b" : "a";
          const headers = {
            ...vector.headers,
            [name]: value.slice(0, i) + replacement + value.slice(i + 1),
          };
          tried += 1;
          if ((await verifySignedHeaders({ target: vector.target, headers }, vector.options)).ok)
            accepted.push(`${name}[${i}]`);
        }
      }
      for (let i = 0; i < vector.target.length; i += 1) {
        const replacement = vector.target[i] === "a" ? "b" : "a";
        tried += 1;
        const target = vector.target.slice(0, i) + replacement + vector.target.slice(i + 1);
        if ((await verifySignedHeaders({ target, headers: vector.headers }, vector.options)).ok)
          accepted.push(`target[${i}]`);
      }
      expect(accepted).toEqual([]);
      expect(tried).toBeGreaterThan(200);
    },
  );

  it.each(headerVectors)(
    "accepts $name within 5 minutes either way, not beyond",
    async (vector) => {
      const check = (now: number) =>
        verifySignedHeaders(
          { target: vector.target, headers: vector.headers },
          { ...vector.options, now },
        );
      const skew = 5 * 60 * 1000;
      expect((await check(vector.now + skew)).ok).toBe(true);
      expect((await check(vector.now - skew)).ok).toBe(true);
      expect(await check(vector.now + skew + 1)).toMatchObject({ ok: false, code: "expired" });
      expect(await check(vector.now - skew - 1)).toMatchObject({
        ok: false,
        code: "not-yet-valid",
      });
    },
  );
});

describe("verifySignedHeaders refusals", () => {
  const plain = headerVectors[0]!;
  const withToken = headerVectors.find((vector) => vector.headers["X-Amz-Security-Token"])!;

  it("refuses a missing Authorization header as missing authentication", async () => {
    const { Authorization: _a, ...headers } = plain.headers;
    expect(
      await verifySignedHeaders({ target: plain.target, headers }, plain.options),
    ).toMatchObject({ ok: false, code: "missing-auth" });
  });

  it("refuses an unknown key, another region, and a missing or foreign token", async () => {
    expect(
      await verifySignedHeaders(plain, {
        ...plain.options,
        credentials: { accessKeyId: "AKIDOTHER", secretAccessKey: "x" },
      }),
    ).toMatchObject({ ok: false, code: "unknown-access-key" });
    expect(
      await verifySignedHeaders(plain, { ...plain.options, region: "eu-west-1" }),
    ).toMatchObject({ ok: false, code: "wrong-region" });
    const { "X-Amz-Security-Token": _t, ...noToken } = withToken.headers;
    expect(
      await verifySignedHeaders({ target: withToken.target, headers: noToken }, withToken.options),
    ).toMatchObject({
      ok: false,
      code: "security-token-mismatch",
    });
  });

  it("refuses a signature that leaves out x-amz-date", async () => {
    const headers = {
      ...plain.headers,
      Authorization: plain.headers["Authorization"]!.replace(
        "SignedHeaders=host;x-amz-date",
        "SignedHeaders=host",
      ),
    };
    expect(
      await verifySignedHeaders({ target: plain.target, headers }, plain.options),
    ).toMatchObject({
      ok: false,
      code: "unsupported-signed-headers",
    });
  });

  it("matches header names case-insensitively, as Node delivers them lower-case", async () => {
    const lower = Object.fromEntries(
      Object.entries(plain.headers).map(([key, value]) => [key.toLowerCase(), value]),
    );
    expect(
      (await verifySignedHeaders({ target: plain.target, headers: lower }, plain.options)).ok,
    ).toBe(true);
  });

  it("accepts what AgentRuntimeClient signs for a local endpoint, with the port in the signed host", async () => {
    const now = Date.UTC(2025, 5, 1);
    const credentials = {
      accessKeyId: "AKIDCLIENT",
      secretAccessKey: "client-secret",
      sessionToken: "tok",
    };
    const client = new AgentRuntimeClient({
      region: "us-west-2",
      credentials,
      endpoint: "ws://127.0.0.1:41234",
      now: () => now,
    });
    const connection = await client.generateWsConnection({
      runtimeArn: "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/local-1",
      sessionId: "header-session-id-long-enough-00000001",
      endpointName: "DEFAULT",
    });
    const url = new URL(connection.url);
    const request = { target: url.pathname + url.search, headers: connection.headers };
    expect(await verifySignedHeaders(request, { credentials, now })).toMatchObject({
      ok: true,
      sessionId: "header-session-id-long-enough-00000001",
      qualifier: "DEFAULT",
    });
    const portless = { ...request, headers: { ...connection.headers, Host: "127.0.0.1" } };
    expect(await verifySignedHeaders(portless, { credentials, now })).toMatchObject({
      ok: false,
      code: "signature-mismatch",
    });
  });
});
