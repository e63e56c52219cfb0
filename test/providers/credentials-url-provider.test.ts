import {
  credentialsUrlProvider,
  AgentRuntimeProviderError,
  AgentRuntimeValidationError,
} from "../../src/signing";
import type { UrlProviderContext } from "../../src/providers/types";
import { verifyPresignedUrl } from "./presigned-url-verifier";

const ARN = "arn:aws:bedrock-agentcore:eu-central-1:123456789012:runtime/agent-XyZ";
const SESSION = "0f8fad5b-d9cb-469f-a165-70867728950e-extra";
const NOW = Date.UTC(2030, 5, 15, 10, 30, 45, 678);
const STATIC = {
  accessKeyId: "AKIDEXAMPLE",
  secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const TEMPORARY = {
  ...STATIC,
  accessKeyId: "ASIAEXAMPLE",
  sessionToken: "FQoGZXIvYXdzE//token+with/slashes==",
};

function context(overrides: Partial<UrlProviderContext> = {}): UrlProviderContext {
  return { sessionId: SESSION, signal: new AbortController().signal, attempt: 0, ...overrides };
}

describe("credentialsUrlProvider", () => {
  it("returns a URL whose signature an independent SigV4 computation reproduces", async () => {
    const provider = credentialsUrlProvider({
      runtimeArn: ARN,
      credentials: STATIC,
      now: () => NOW,
    });
    const connection = await provider(context());
    const verified = await verifyPresignedUrl(connection.url, STATIC, "eu-central-1");

    expect(verified.url.host).toBe("bedrock-agentcore.eu-central-1.amazonaws.com");
    expect(verified.params["X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"]).toBe(SESSION);
    expect(verified.signedAt.getTime()).toBe(Math.floor(NOW / 1000) * 1000);
    expect(verified.expiresSeconds).toBe(300);
    expect(connection).toEqual({
      url: connection.url,
      sessionId: SESSION,
      expiresAt: Math.floor(NOW / 1000) * 1000 + 300_000,
    });
  });

  it("signs the session token, qualifier, custom params and a shorter lifetime", async () => {
    const provider = credentialsUrlProvider({
      region: "eu-central-1",
      runtimeArn: ARN,
      credentials: async () => TEMPORARY,
      endpointName: "DEFAULT",
      customParams: { tenant: "acme corp", "x-flag": true },
      expires: 60,
      now: () => NOW,
    });
    const connection = await provider(context());
    const verified = await verifyPresignedUrl(connection.url, TEMPORARY, "eu-central-1");
    expect(verified.params).toMatchObject({
      qualifier: "DEFAULT",
      tenant: "acme corp",
      "x-flag": "true",
      "X-Amz-Security-Token": TEMPORARY.sessionToken,
      "X-Amz-Expires": "60",
    });
    expect(Object.keys(verified.params).slice(0, 4)).toEqual([
      "qualifier",
      "tenant",
      "x-flag",
      "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id",
    ]);
    expect(connection.expiresAt).toBe(Math.floor(NOW / 1000) * 1000 + 60_000);
  });

  it("fails verification when anything in the URL is changed (the check can fail)", async () => {
    const provider = credentialsUrlProvider({
      runtimeArn: ARN,
      credentials: STATIC,
      now: () => NOW,
    });
    const { url } = await provider(context());
    const otherSession = url.replace(SESSION, SESSION.replace("0f8f", "0f8e"));
    await expect(verifyPresignedUrl(otherSession, STATIC, "eu-central-1")).rejects.toThrow(
      /X-Amz-Signature/,
    );
    await expect(
      verifyPresignedUrl(url, { ...STATIC, secretAccessKey: "other" }, "eu-central-1"),
    ).rejects.toThrow(/X-Amz-Signature/);
  });

  it("never lets expiresAt outlive temporary credentials", async () => {
    const expiration = new Date(NOW + 90_000);
    const provider = credentialsUrlProvider({
      runtimeArn: ARN,
      credentials: async () => ({ ...TEMPORARY, expiration }),
      now: () => NOW,
    });
    expect((await provider(context())).expiresAt).toBe(expiration.getTime());
  });

  it("resolves the credentials provider on every call, so rotation is picked up", async () => {
    let calls = 0;
    const provider = credentialsUrlProvider({
      runtimeArn: ARN,
      credentials: async () => ({ ...STATIC, accessKeyId: `AKID${++calls}` }),
      now: () => NOW,
    });
    const first = await provider(context());
    const second = await provider(context());
    expect(new URL(first.url).searchParams.get("X-Amz-Credential")).toMatch(/^AKID1\//);
    expect(new URL(second.url).searchParams.get("X-Amz-Credential")).toMatch(/^AKID2\//);
  });

  it.each([
    [
      "the provider throws",
      async () => Promise.reject(new Error("IMDS unreachable")),
      "IMDS unreachable",
    ],
    ["the provider gives nothing", async () => null as never, "No AWS credentials found"],
    [
      "the credentials have expired",
      async () => ({ ...TEMPORARY, expiration: new Date(NOW - 1) }),
      "expired",
    ],
  ])("rejects with code credentials when %s", async (_name, credentials, fragment) => {
    const provider = credentialsUrlProvider({ runtimeArn: ARN, credentials, now: () => NOW });
    const error = await provider(context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentRuntimeProviderError);
    expect(error).toMatchObject({ code: "credentials" });
    expect((error as Error).message).toContain(fragment);
  });

  it("refuses a session id the runtime would refuse, before resolving credentials", async () => {
    const credentials = vi.fn(async () => STATIC);
    const provider = credentialsUrlProvider({ runtimeArn: ARN, credentials });
    const error = await provider(context({ sessionId: "short" })).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid-session-id" });
    expect(credentials).not.toHaveBeenCalled();
  });

  it("rejects with the abort reason once aborted", async () => {
    const controller = new AbortController();
    controller.abort(new Error("gone"));
    const provider = credentialsUrlProvider({ runtimeArn: ARN, credentials: STATIC });
    await expect(provider(context({ signal: controller.signal }))).rejects.toThrow("gone");
  });

  it.each([
    ["a bad ARN", { runtimeArn: "arn:aws:bedrock-agentcore:us-west-2:1:agent/x" }],
    ["expires over 300", { expires: 301 }],
    ["expires of 0", { expires: 0 }],
    ["a fractional expires", { expires: 1.5 }],
    ["a reserved custom param", { customParams: { "X-Amz-Date": "1" } }],
    ["a bad endpoint", { endpoint: "https://host/path" }],
    ["a bad region", { region: "us_west_2" }],
    ["a null region", { region: null }],
    ["a string as custom params", { customParams: "a=1" }],
    ["an endpointName that is not a string", { endpointName: 1 }],
    ["a now that is not a function", { now: NOW }],
    ["credentials given as a string", { credentials: "AKIDEXAMPLE:secret" }],
    ["no credentials", { credentials: undefined }],
  ])("refuses %s at creation", (_name, overrides) => {
    expect(() =>
      credentialsUrlProvider({ runtimeArn: ARN, credentials: STATIC, ...(overrides as object) }),
    ).toThrow(AgentRuntimeValidationError);
  });

  it("says which option was wrong, with the value for numbers and the kind otherwise", () => {
    const create = (overrides: object) => () =>
      credentialsUrlProvider({ runtimeArn: ARN, credentials: STATIC, ...overrides });
    expect(create({ expires: 301 })).toThrow(
      "expires must be a whole number of seconds from 1 to 300 (got 301)",
    );
    expect(create({ credentials: "secret" })).toThrow(
      "credentialsUrlProvider credentials must be AWS credentials ({ accessKeyId, secretAccessKey }) or a function that returns them (got a string)",
    );
    expect(create({ endpointName: 1 })).toThrow(
      "credentialsUrlProvider endpointName must be a string (got a number)",
    );
  });
});
