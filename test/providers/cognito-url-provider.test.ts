import { cognitoUrlProvider } from "../../src/cognito";
import { AgentRuntimeProviderError } from "../../src/providers/errors";
import type { UrlProviderContext } from "../../src/providers/types";
import { AgentRuntimeValidationError } from "../../src/core/errors";
import { FakeCognitoIdentity } from "./fake-cognito-identity";
import { verifyPresignedUrl } from "./presigned-url-verifier";

const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/agent-1";
const SESSION = "cognito-session-0123456789-0123456789-abc";
const START = Date.UTC(2030, 0, 1, 8, 0, 0);

let cognito: FakeCognitoIdentity;
let now = START;
let poolCounter = 0;

function context(overrides: Partial<UrlProviderContext> = {}): UrlProviderContext {
  return { sessionId: SESSION, signal: new AbortController().signal, attempt: 0, ...overrides };
}

/** A provider wired to the fake; each gets its own pool id (the SDK caches guest identity ids per pool). */
function provider(overrides: Partial<Parameters<typeof cognitoUrlProvider>[0]> = {}) {
  poolCounter += 1;
  return cognitoUrlProvider({
    region: "us-west-2",
    identityPoolId: `us-west-2:00000000-0000-0000-0000-${String(poolCounter).padStart(12, "0")}`,
    runtimeArn: ARN,
    clientConfig: { endpoint: cognito.endpoint, maxAttempts: 1 },
    now: () => now,
    ...overrides,
  });
}

beforeEach(async () => {
  now = START;
  cognito = new FakeCognitoIdentity();
  cognito.now = () => now;
  await cognito.start();
});

afterEach(async () => {
  await cognito.stop();
});

describe("cognitoUrlProvider against a local Cognito Identity endpoint", () => {
  it("gets guest credentials and presigns a URL that verifies with them", async () => {
    const connection = await provider()(context());

    expect(cognito.calls.map((c) => c.operation)).toEqual(["GetId", "GetCredentialsForIdentity"]);
    expect(cognito.calls[0]?.body.Logins).toBeUndefined();
    expect(cognito.calls[1]?.body.IdentityId).toBe("us-west-2:identity-0001");
    const verified = await verifyPresignedUrl(connection.url, cognito.credentials(1), "us-west-2");
    expect(verified.params["X-Amz-Security-Token"]).toBe(cognito.credentials(1).sessionToken);
    expect(verified.params["X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"]).toBe(SESSION);
    expect(connection.sessionId).toBe(SESSION);
    expect(connection.expiresAt).toBe(START + 300_000);
  });

  it("reuses credentials until shortly before they expire, then refreshes with one call", async () => {
    const urls = provider({ refreshMarginMs: 300_000 });
    await urls(context());
    now = START + 3_600_000 - 300_000 - 1000;
    const reused = await urls(context());
    expect(cognito.count("GetCredentialsForIdentity")).toBe(1);
    await verifyPresignedUrl(reused.url, cognito.credentials(1), "us-west-2");

    now = START + 3_600_000 - 300_000;
    const refreshed = await urls(context());
    expect(cognito.count("GetId")).toBe(1);
    expect(cognito.count("GetCredentialsForIdentity")).toBe(2);
    await verifyPresignedUrl(refreshed.url, cognito.credentials(2), "us-west-2");
  });

  it("shares one refresh between concurrent calls", async () => {
    const urls = provider();
    const results = await Promise.all([urls(context()), urls(context()), urls(context())]);
    expect(cognito.count("GetId")).toBe(1);
    expect(cognito.count("GetCredentialsForIdentity")).toBe(1);
    expect(
      new Set(
        results.map((r) => new URL(r.url).searchParams.get("X-Amz-Credential")?.split("/")[0]),
      ),
    ).toEqual(new Set(["ASIAFAKE1"]));
  });

  it("never gives an expiresAt past the credentials' expiration", async () => {
    cognito.lifetimeMs = 120_000;
    const connection = await provider({ refreshMarginMs: 0 })(context());
    expect(connection.expiresAt).toBe(START + 120_000);
  });

  it("evaluates an async logins function at every refresh and sends the fresh token", async () => {
    let tokenVersion = 0;
    const logins = async () => ({
      "cognito-idp.us-west-2.amazonaws.com/us-west-2_pool": `id-token-${++tokenVersion}`,
    });
    cognito.lifetimeMs = 600_000;
    const urls = provider({ logins, refreshMarginMs: 300_000 });
    await urls(context());
    now += 300_000;
    await urls(context());

    const sent = cognito.calls.map((c) => [c.operation, Object.values(c.body.Logins ?? {})[0]]);
    expect(sent).toEqual([
      ["GetId", "id-token-1"],
      ["GetCredentialsForIdentity", "id-token-1"],
      ["GetCredentialsForIdentity", "id-token-2"],
    ]);
  });

  it("accepts a logins map whose values are token functions", async () => {
    await provider({ logins: { "accounts.google.com": async () => "google-id-token" } })(context());
    expect(
      cognito.calls.every((c) => c.body.Logins?.["accounts.google.com"] === "google-id-token"),
    ).toBe(true);
  });

  it("maps a Cognito refusal to a retryable provider error, and retries on the next call", async () => {
    cognito.behaviour = {
      kind: "error",
      status: 400,
      type: "NotAuthorizedException",
      message: "Invalid login token.",
    };
    const urls = provider({ logins: { "accounts.google.com": "expired-token" } });
    const error = await urls(context()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentRuntimeProviderError);
    expect(error).toMatchObject({ code: "credentials" });
    expect((error as Error).message).toContain("Invalid login token.");
    expect(((error as Error).cause as Error).name).toBe("NotAuthorizedException");

    cognito.behaviour = { kind: "ok" };
    const connection = await urls(context());
    await verifyPresignedUrl(connection.url, cognito.credentials(1), "us-west-2");
  });

  it("maps a server error to a provider error too", async () => {
    cognito.behaviour = {
      kind: "error",
      status: 500,
      type: "InternalErrorException",
      message: "boom",
    };
    const error = await provider()(context()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "credentials" });
  });

  it("maps a logins function that throws to code credentials, without calling Cognito", async () => {
    const urls = provider({
      logins: async () => {
        throw new Error("signed out");
      },
    });
    const error = await urls(context()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "credentials" });
    expect((error as Error).message).toContain("signed out");
    expect(cognito.calls).toHaveLength(0);
  });

  it("rejects an aborted call with the abort reason while the refresh finishes for the next caller", async () => {
    const urls = provider();
    const controller = new AbortController();
    const pending = urls(context({ signal: controller.signal }));
    const reason = new Error("connection closed");
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await urls(context());
    expect(cognito.count("GetCredentialsForIdentity")).toBe(1);
  });

  it.each([
    ["a malformed identity pool id", { identityPoolId: "not a pool" }],
    ["a malformed region", { region: "nowhere" }],
    ["a bad runtime ARN", { runtimeArn: "arn:aws:iam::1:role/x" }],
    ["expires over 300", { expires: 900 }],
    ["a negative refresh margin", { refreshMarginMs: -1 }],
    ["logins given as a string", { logins: "token" }],
    ["a clientConfig that is not an object", { clientConfig: "us-east-1" }],
    ["a now that is not a function", { now: 0 }],
    ["an endpointName that is not a string", { endpointName: 7 }],
  ])("refuses %s at creation", (_name, overrides) => {
    expect(() => provider(overrides as never)).toThrow(AgentRuntimeValidationError);
  });

  it("names the option and the value in a numeric refusal", () => {
    expect(() => provider({ refreshMarginMs: -1 })).toThrow(
      "cognitoUrlProvider refreshMarginMs must be a finite number >= 0 (got -1)",
    );
  });
});
