import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { verifyPresignedUrl, type VerifyPresignedUrlOptions } from "agentcore-react-emulator";
import { AgentRuntimeClient } from "../../src/signing";
import type { VectorFile } from "../vectors/vector-format";

const file = JSON.parse(
  readFileSync(resolve(__dirname, "../fixtures/agentcore-python-sdk.json"), "utf8"),
) as VectorFile;
const presignedVectors = (file.vectors ?? []).filter(
  (vector) => vector.method === "generate_presigned_url",
);

interface Golden {
  name: string;
  url: string;
  host: string;
  options: VerifyPresignedUrlOptions;
  now: number;
  input: NonNullable<(typeof presignedVectors)[number]["input"]>;
}

const golden: Golden[] = presignedVectors.map((vector) => {
  const url = vector.output?.url as string;
  const host = new URL(url).hostname;
  const now = Date.parse(vector.input?.now as string);
  return {
    name: vector.name as string,
    url,
    host,
    now,
    input: vector.input ?? {},
    options: {
      credentials: vector.input?.credentials as VerifyPresignedUrlOptions["credentials"],
      now,
      host,
    },
  };
});

/**
 * Substitutes for one character: another of its class, its other case, and two URL
 * punctuation characters (rotated by position so every one is tried somewhere).
 */
function substitutes(char: string, position: number): string[] {
  const punctuation = "-._~%&=/?:+#";
  const out = new Set<string>();
  if (/[a-z]/.test(char)) out.add(char === "z" ? "a" : String.fromCharCode(char.charCodeAt(0) + 1));
  else if (/[A-Z]/.test(char))
    out.add(char === "Z" ? "A" : String.fromCharCode(char.charCodeAt(0) + 1));
  else if (/[0-9]/.test(char))
    out.add(char === "9" ? "0" : String.fromCharCode(char.charCodeAt(0) + 1));
  else out.add("a");
  if (char.toUpperCase() !== char) out.add(char.toUpperCase());
  if (char.toLowerCase() !== char) out.add(char.toLowerCase());
  out.add(punctuation[position % punctuation.length] as string);
  out.add(punctuation[(position * 7 + 3) % punctuation.length] as string);
  out.delete(char);
  return [...out];
}

describe("verifyPresignedUrl against the golden vectors", () => {
  it("covers every presigned vector of the fixture", () => {
    expect(golden.map((vector) => vector.name)).toEqual([
      "presigned_default_autogen_session_us_west_2",
      "presigned_endpoint_DEFAULT_explicit_session",
      "presigned_custom_endpoint_expires_60",
      "presigned_custom_query_params_needing_encoding_with_token",
      "presigned_eu_central_1_with_session_token",
      "presigned_edge_custom_qualifier_param_overrides_endpoint_name",
      "presigned_edge_expires_0_not_rejected",
    ]);
  });

  it.each(golden)(
    "accepts $name at the vector's time and reports what it carries",
    async (vector) => {
      const result = await verifyPresignedUrl(vector.url, vector.options);
      expect(result).toMatchObject({
        ok: true,
        runtimeArn: vector.input.runtime_arn,
        sessionId: vector.input.session_id,
        accessKeyId: "AKIDEXAMPLE",
        region: vector.input.region,
        signedAt: vector.now,
        expiresAt: vector.now + (vector.input.expires ?? 300) * 1000,
      });
      if (!result.ok) return;
      const custom = vector.input.custom_headers as Record<string, string> | undefined;
      expect(result.qualifier).toBe(custom?.["qualifier"] ?? vector.input.endpoint_name);
      for (const [key, value] of Object.entries(custom ?? {}))
        expect(result.params[key]).toBe(value);
      expect(Object.keys(result.params).some((key) => key.startsWith("X-Amz-"))).toBe(false);
    },
  );

  it.each(golden)("accepts $name with the host taken from the URL itself", async (vector) => {
    const { host: _host, ...options } = vector.options;
    expect((await verifyPresignedUrl(vector.url, options)).ok).toBe(true);
  });

  it.each(golden)("rejects $name once any single character is changed", async (vector) => {
    let tried = 0;
    const accepted: string[] = [];
    for (let i = 0; i < vector.url.length; i += 1) {
      for (const replacement of substitutes(vector.url[i] as string, i)) {
        const tampered = vector.url.slice(0, i) + replacement + vector.url.slice(i + 1);
        tried += 1;
        const result = await verifyPresignedUrl(tampered, vector.options);
        if (result.ok)
          accepted.push(
            `position ${i}: ${JSON.stringify(vector.url[i])} -> ${JSON.stringify(replacement)}`,
          );
      }
    }
    expect(accepted).toEqual([]);
    expect(tried).toBeGreaterThan(vector.url.length * 3);
  });

  it.each(golden)(
    "rejects $name as expired one millisecond after X-Amz-Date + X-Amz-Expires",
    async (vector) => {
      const expiresAt = vector.now + (vector.input.expires ?? 300) * 1000;
      expect((await verifyPresignedUrl(vector.url, { ...vector.options, now: expiresAt })).ok).toBe(
        true,
      );
      expect(
        await verifyPresignedUrl(vector.url, { ...vector.options, now: expiresAt + 1 }),
      ).toMatchObject({
        ok: false,
        code: "expired",
      });
    },
  );

  it.each(golden)(
    "accepts $name up to 5 minutes before it was signed, not earlier",
    async (vector) => {
      const skew = 5 * 60 * 1000;
      expect(
        (await verifyPresignedUrl(vector.url, { ...vector.options, now: vector.now - skew })).ok,
      ).toBe(true);
      expect(
        await verifyPresignedUrl(vector.url, { ...vector.options, now: vector.now - skew - 1 }),
      ).toMatchObject({
        ok: false,
        code: "not-yet-valid",
      });
      expect(
        (
          await verifyPresignedUrl(vector.url, {
            ...vector.options,
            now: vector.now - 1000,
            skewMs: 999,
          })
        ).ok,
      ).toBe(false);
    },
  );
});

describe("verifyPresignedUrl refusals", () => {
  const plain = golden.find(
    (vector) => vector.name === "presigned_endpoint_DEFAULT_explicit_session",
  ) as Golden;
  const withToken = golden.find(
    (vector) => vector.name === "presigned_eu_central_1_with_session_token",
  ) as Golden;

  it("refuses an unknown access key and a wrong secret", async () => {
    expect(
      await verifyPresignedUrl(plain.url, {
        ...plain.options,
        credentials: { accessKeyId: "AKIDOTHER", secretAccessKey: "x" },
      }),
    ).toMatchObject({ ok: false, code: "unknown-access-key" });
    expect(
      await verifyPresignedUrl(plain.url, {
        ...plain.options,
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wrong" },
      }),
    ).toMatchObject({ ok: false, code: "signature-mismatch" });
  });

  it("accepts any of several credentials, found by access key", async () => {
    const credentials = [
      { accessKeyId: "AKIDOTHER", secretAccessKey: "x" },
      { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" },
    ];
    expect((await verifyPresignedUrl(plain.url, { ...plain.options, credentials })).ok).toBe(true);
  });

  it("refuses a URL scoped to another region than the expected one", async () => {
    expect(
      await verifyPresignedUrl(plain.url, { ...plain.options, region: "us-east-1" }),
    ).toMatchObject({
      ok: false,
      code: "wrong-region",
    });
  });

  it("refuses a URL validly signed for another service", async () => {
    const signer = new SignatureV4({
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      region: "us-west-2",
      service: "execute-api",
      sha256: Sha256,
      applyChecksum: false,
    });
    const path = `/runtimes/${encodeURIComponent("arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/a")}/ws`;
    const signed = await signer.presign(
      {
        method: "GET",
        protocol: "https:",
        hostname: "127.0.0.1",
        path,
        query: {},
        headers: { host: "127.0.0.1" },
      },
      { signingDate: new Date(plain.now), expiresIn: 300 },
    );
    const query = Object.entries(signed.query ?? {})
      .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
      .join("&");
    const result = await verifyPresignedUrl(`ws://127.0.0.1:9${path}?${query}`, {
      credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret" },
      now: plain.now,
    });
    expect(result).toMatchObject({ ok: false, code: "wrong-service" });
  });

  it("refuses a URL for another host than the one it must be signed for", async () => {
    expect(
      await verifyPresignedUrl(plain.url, {
        ...plain.options,
        host: "bedrock-agentcore.us-east-1.amazonaws.com",
      }),
    ).toMatchObject({
      ok: false,
      code: "host-mismatch",
    });
    const moved = plain.url.replace(
      "wss://bedrock-agentcore.us-west-2.amazonaws.com",
      "ws://127.0.0.1:8787",
    );
    const { host: _host, ...options } = plain.options;
    expect(await verifyPresignedUrl(moved, { ...options, region: "us-west-2" })).toMatchObject({
      ok: false,
      code: "signature-mismatch",
    });
  });

  it("checks the security token of temporary credentials both ways", async () => {
    const stripped = {
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    };
    expect(
      await verifyPresignedUrl(withToken.url, { ...withToken.options, credentials: stripped }),
    ).toMatchObject({
      ok: false,
      code: "security-token-mismatch",
    });
    expect(
      await verifyPresignedUrl(plain.url, {
        ...plain.options,
        credentials: { ...stripped, sessionToken: "FQoGZXIvYXdzEXAMPLETOKEN" },
      }),
    ).toMatchObject({ ok: false, code: "security-token-mismatch" });
    expect(
      await verifyPresignedUrl(withToken.url, {
        ...withToken.options,
        credentials: { ...stripped, sessionToken: "another-token" },
      }),
    ).toMatchObject({ ok: false, code: "security-token-mismatch" });
  });

  it("refuses an X-Amz-Expires over the maximum", async () => {
    expect(
      await verifyPresignedUrl(plain.url, { ...plain.options, maxExpiresSeconds: 299 }),
    ).toMatchObject({
      ok: false,
      code: "expires-too-long",
    });
  });

  it("refuses a URL without SigV4 parameters as missing authentication", async () => {
    const bare = plain.url.slice(0, plain.url.indexOf("&X-Amz-Algorithm"));
    expect(await verifyPresignedUrl(bare, plain.options)).toMatchObject({
      ok: false,
      code: "missing-auth",
    });
  });

  it("answers malformed input with a reason instead of throwing", async () => {
    for (const input of [
      "",
      "not a url",
      plain.url.replace("wss://", "https://"),
      `${plain.url}#fragment`,
      plain.url.replace("/ws?", "/wss?"),
      plain.url.replace("/runtimes/", "/runtime/"),
      plain.url.replace("qualifier=DEFAULT", "qualifier=DEFAULT&qualifier=DEFAULT"),
      plain.url.replace("%3A", "%3a"),
      plain.url.replace("%2F20250101", "%2f20250101"),
      plain.url.replace("X-Amz-Expires=300", "X-Amz-Expires=0300"),
      plain.url.replace("X-Amz-Date=20250101T000000Z", "X-Amz-Date=20250230T000000Z"),
      plain.url.replace("%2Faws4_request", "%2Faws5_request"),
      plain.url.replace("wss://bedrock-agentcore", "wss://user@bedrock-agentcore"),
      42 as unknown as string,
    ]) {
      const result = await verifyPresignedUrl(input, plain.options);
      expect(result.ok, input).toBe(false);
      if (!result.ok) expect(result.reason.length).toBeGreaterThan(0);
    }
  });

  it("verifies a path-only URL when given the host, and needs the host for one", async () => {
    const path = plain.url.slice(plain.url.indexOf("/runtimes/"));
    expect((await verifyPresignedUrl(path, plain.options)).ok).toBe(true);
    const { host: _host, ...options } = plain.options;
    expect(await verifyPresignedUrl(path, options)).toMatchObject({ ok: false, code: "malformed" });
  });

  it("never puts the signature or the security token in a reason", async () => {
    const signature = withToken.url.slice(withToken.url.indexOf("X-Amz-Signature=") + 16);
    const results = [
      await verifyPresignedUrl(withToken.url, {
        ...withToken.options,
        now: withToken.now + 10 * 60 * 1000,
      }),
      await verifyPresignedUrl(
        withToken.url.replace(/.$/, (last) => (last === "0" ? "1" : "0")),
        withToken.options,
      ),
      await verifyPresignedUrl(withToken.url, {
        ...withToken.options,
        credentials: { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "s", sessionToken: "t" },
      }),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      expect(JSON.stringify(result)).not.toContain(signature);
      expect(JSON.stringify(result)).not.toContain("FQoGZXIvYXdzEXAMPLETOKEN");
    }
  });
});

describe("verifyPresignedUrl against our signer (the client side)", () => {
  const arn = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/client_check-1";
  const credentials = {
    accessKeyId: "AKIDCLIENT",
    secretAccessKey: "client-secret",
    sessionToken: "client-token",
  };
  const now = Date.UTC(2025, 5, 1, 12, 0, 0);

  it.each(["ws://127.0.0.1:41234", "ws://localhost:8787", "wss://127.0.0.1", "ws://[::1]:9000"])(
    "accepts what AgentRuntimeClient presigns for the endpoint %s, signed for the host without its port",
    async (endpoint) => {
      const client = new AgentRuntimeClient({
        region: "us-west-2",
        credentials,
        endpoint,
        now: () => now,
      });
      const presigned = await client.presign({
        runtimeArn: arn,
        sessionId: "a-session-id-that-is-long-enough-000001",
        endpointName: "canary",
        customParams: [
          ["user name", "Zoë / ü"],
          ["X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tier", "gold"],
        ],
        expires: 120,
      });
      const result = await verifyPresignedUrl(presigned.url, { credentials, now });
      expect(result).toMatchObject({
        ok: true,
        runtimeArn: arn,
        qualifier: "canary",
        sessionId: "a-session-id-that-is-long-enough-000001",
        signedAt: presigned.signedAt,
        expiresAt: presigned.expiresAt,
        params: { "user name": "Zoë / ü", "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Tier": "gold" },
      });
    },
  );
});
