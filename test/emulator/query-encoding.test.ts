import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Sha256 } from "@aws-crypto/sha256-js";
import { SignatureV4 } from "@smithy/signature-v4";
import { RuntimeClient } from "bedrock-agentcore/runtime";
import {
  DEMO_CREDENTIALS,
  verifyPresignedUrl,
  type AgentHandler,
  type Emulator,
  type SignatureVerification,
  type VerifyPresignedUrlOptions,
} from "agentcore-react-emulator";
import type { VectorFile } from "../vectors/vector-format";
import { RUNTIME_ARN, emulator, open, sessionId, stopEmulators } from "./client";

/**
 * The emulator reads a presigned query as the service does: it decodes each parameter and
 * signs the canonical encoding again, so any spelling of the signed parameters passes and any
 * changed value fails. `verifyPresignedUrl` does the same with `queryEncoding: "service"`.
 */

// Real sockets and (for forward) a ping before every upgrade: room for a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

afterEach(async () => {
  vi.unstubAllEnvs();
  await stopEmulators();
});

/** Characters `encodeURIComponent` leaves raw but SigV4 escapes. */
const SUB_DELIMS = "it's (really) fine!*";
const CUSTOM = "X-Amzn-Bedrock-AgentCore-Runtime-Custom-Note";

/** A presigned URL for the emulator, written by the official TypeScript SDK. */
async function sdkPresignedUrl(target: Emulator, session: string): Promise<string> {
  vi.stubEnv("BEDROCK_AGENTCORE_DATA_PLANE_ENDPOINT", `https://127.0.0.1:${target.port}`);
  const client = new RuntimeClient({
    region: "us-west-2",
    credentialsProvider: async () => DEMO_CREDENTIALS,
  });
  const url = await client.generatePresignedUrl({
    runtimeArn: RUNTIME_ARN,
    sessionId: session,
    customHeaders: { [CUSTOM]: SUB_DELIMS },
  });
  // The SDK writes wss:// for the endpoint's https:// and leaves out the port (which a
  // presigned URL does not sign); the emulator speaks plain ws on its port.
  return url.replace(/^wss:\/\/127\.0\.0\.1\//, `ws://127.0.0.1:${target.port}/`);
}

/** An agent that answers every frame with the session id it was given. */
const sessionEcho: AgentHandler = (socket, context) => {
  socket.on("message", () => {
    socket.send(context.sessionId);
  });
};

describe("the official TypeScript SDK's presigned URL", () => {
  it("writes !'()* raw, which exact verification refuses and the service's reading accepts", async () => {
    const target = await emulator();
    const url = await sdkPresignedUrl(target, sessionId("ts-sdk"));
    expect(url).toContain(`${CUSTOM}=it's%20(really)%20fine!*`);
    const options = { credentials: DEMO_CREDENTIALS, host: "127.0.0.1" };
    expect(await verifyPresignedUrl(url, options)).toMatchObject({
      ok: false,
      reason: expect.stringContaining("canonical"),
    });
    expect(await verifyPresignedUrl(url, { ...options, queryEncoding: "service" })).toMatchObject({
      ok: true,
      sessionId: sessionId("ts-sdk"),
      params: { [CUSTOM]: SUB_DELIMS },
    });
  });

  it("opens a stream on the emulator", async () => {
    const target = await emulator({ agent: sessionEcho });
    const peer = await open(await sdkPresignedUrl(target, sessionId("ts-sdk-upgrade")));
    expect(await peer.roundTrip("which session?")).toBe(sessionId("ts-sdk-upgrade"));
    expect(target.upgrades.at(-1)).toMatchObject({ outcome: "accepted", auth: "sigv4-query" });
  });

  it("is refused once a signed value changes, in any spelling", async () => {
    const target = await emulator();
    const url = await sdkPresignedUrl(target, sessionId("ts-sdk-tampered"));
    const tampered = [
      url.replace("fine!*", "fine!!"),
      url.replace("(really)", "(REALLY)"),
      url.replace("it's", "it%27"),
      url.replace("fine!*", "fine%21%2A%2A"),
    ];
    for (const spelling of tampered) {
      expect(spelling).not.toBe(url);
      const verdict = await verifyPresignedUrl(spelling, {
        credentials: DEMO_CREDENTIALS,
        host: "127.0.0.1",
        queryEncoding: "service",
      });
      expect({ spelling, ok: verdict.ok }).toEqual({ spelling, ok: false });
    }
  });
});

const file = JSON.parse(
  readFileSync(resolve(__dirname, "../fixtures/agentcore-python-sdk.json"), "utf8"),
) as VectorFile;
const golden = (file.vectors ?? [])
  .filter((vector) => vector.method === "generate_presigned_url")
  .map((vector) => {
    const url = vector.output?.url as string;
    const options: VerifyPresignedUrlOptions = {
      credentials: vector.input?.credentials as VerifyPresignedUrlOptions["credentials"],
      now: Date.parse(vector.input?.now as string),
      host: new URL(url).hostname,
      queryEncoding: "service",
    };
    return { name: vector.name as string, url, options };
  });

/** What a verdict says the URL means. */
function meaning(verdict: SignatureVerification) {
  return verdict.ok
    ? { arn: verdict.runtimeArn, session: verdict.sessionId, params: verdict.params }
    : null;
}

describe("the service's reading of the golden URLs", () => {
  it.each(golden)("accepts $name in other spellings of the same parameters", async (vector) => {
    const original = meaning(await verifyPresignedUrl(vector.url, vector.options));
    expect(original).not.toBeNull();
    const [path = "", query = ""] = vector.url.split("?");
    const respelled = query
      .split("&")
      .map((pair) => pair.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()))
      .map((pair) => pair.replace(/%2F/gi, "/").replace(/%3A/gi, ":"))
      .reverse()
      .join("&");
    const verdict = await verifyPresignedUrl(`${path}?${respelled}`, vector.options);
    expect(meaning(verdict)).toEqual(original);
  });

  it.each(golden)("refuses $name once any single character changes its meaning", async (vector) => {
    const original = meaning(await verifyPresignedUrl(vector.url, vector.options));
    const punctuation = "-._~%&=/?:+#a0Z";
    const accepted: string[] = [];
    for (let i = 0; i < vector.url.length; i += 1) {
      for (const replacement of punctuation) {
        if (replacement === vector.url[i]) continue;
        const tampered = vector.url.slice(0, i) + replacement + vector.url.slice(i + 1);
        const verdict = await verifyPresignedUrl(tampered, vector.options);
        // A different spelling may pass, but only with exactly the original's meaning.
        if (verdict.ok && JSON.stringify(meaning(verdict)) !== JSON.stringify(original))
          accepted.push(`position ${i} -> ${replacement}`);
      }
    }
    expect(accepted).toEqual([]);
  });
});

describe("the session id with query authentication", () => {
  /** A presigned URL without a session id in its query, signed by smithy directly. */
  async function presignWithoutSession(target: Emulator): Promise<string> {
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
        headers: { host: "127.0.0.1" },
      },
      { expiresIn: 300 },
    );
    const query = Object.entries(signed.query ?? {}).map(
      ([key, value]) => `${key}=${encodeURIComponent(String(value))}`,
    );
    return `${target.url}${path}?${query.join("&")}`;
  }

  it("comes from the header when the query has none", async () => {
    const target = await emulator({ agent: sessionEcho });
    const url = await presignWithoutSession(target);
    const header = { "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": sessionId("from-header") };
    const peer = await open(url, { headers: header });
    expect(await peer.roundTrip("which session?")).toBe(sessionId("from-header"));
    expect(target.upgrades.at(-1)).toMatchObject({
      outcome: "accepted",
      sessionId: sessionId("from-header"),
    });
  });

  it("comes from the signed query when both carry one", async () => {
    const target = await emulator({ agent: sessionEcho });
    const url = await sdkPresignedUrl(target, sessionId("from-query"));
    const header = { "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id": sessionId("from-header") };
    const peer = await open(url, { headers: header });
    expect(await peer.roundTrip("which session?")).toBe(sessionId("from-query"));
  });
});
