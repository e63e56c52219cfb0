import { AgentRuntimeValidationError } from "../core/errors";
import { bearerTokenProvider } from "./bearer-token-provider";
import { AgentRuntimeProviderError } from "./errors";
import type { UrlProviderContext } from "./types";

const ARN = "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/my_agent-abc123";
const SESSION = "session-0123456789-0123456789-0123456789";
const NOW = Date.UTC(2030, 0, 1);

function context(overrides: Partial<UrlProviderContext> = {}): UrlProviderContext {
  return { sessionId: SESSION, signal: new AbortController().signal, attempt: 0, ...overrides };
}

function jwt(payload: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  return `${part({ alg: "RS256" })}.${part(payload)}.c2ln`;
}

function decodeProtocol(protocol: string): string {
  return Buffer.from(protocol.slice("base64UrlBearerAuthorization.".length), "base64url").toString(
    "utf8",
  );
}

async function rejection(promise: Promise<unknown>): Promise<AgentRuntimeProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgentRuntimeProviderError);
  return error as AgentRuntimeProviderError;
}

describe("bearerTokenProvider", () => {
  it("puts the session id in the URL and the token only in the subprotocols", async () => {
    const token = jwt({ sub: "user-1", exp: NOW / 1000 + 3600 });
    const provider = bearerTokenProvider({
      region: "us-west-2",
      runtimeArn: ARN,
      getToken: () => token,
      now: () => NOW,
    });
    const connection = await provider(context());

    const url = new URL(connection.url);
    expect(url.protocol).toBe("wss:");
    expect(url.host).toBe("bedrock-agentcore.us-west-2.amazonaws.com");
    expect(url.pathname).toBe(`/runtimes/${encodeURIComponent(ARN)}/ws`);
    expect([...url.searchParams]).toEqual([
      ["X-Amzn-Bedrock-AgentCore-Runtime-Session-Id", SESSION],
    ]);
    expect(connection.url).not.toContain(token);
    expect(connection.url).not.toContain(token.split(".")[1]);
    expect(connection.protocols).toHaveLength(2);
    expect(decodeProtocol(connection.protocols?.[0] ?? "")).toBe(token);
    expect(connection.protocols?.[1]).toBe("base64UrlBearerAuthorization");
    expect(connection.sessionId).toBe(SESSION);
  });

  it("takes expiresAt from the JWT exp", async () => {
    const exp = NOW / 1000 + 1234;
    const provider = bearerTokenProvider({
      runtimeArn: ARN,
      getToken: () => jwt({ exp }),
      now: () => NOW,
    });
    expect((await provider(context())).expiresAt).toBe(exp * 1000);
  });

  it("uses now + maxAgeMs for an opaque token (default 5 minutes)", async () => {
    const opaque = bearerTokenProvider({
      runtimeArn: ARN,
      getToken: async () => "opaque-token",
      now: () => NOW,
    });
    expect((await opaque(context())).expiresAt).toBe(NOW + 300_000);
    const short = bearerTokenProvider({
      runtimeArn: ARN,
      getToken: () => "opaque",
      maxAgeMs: 60_000,
      now: () => NOW,
    });
    expect((await short(context())).expiresAt).toBe(NOW + 60_000);
  });

  it("adds the qualifier first and honours an emulator endpoint", async () => {
    const provider = bearerTokenProvider({
      runtimeArn: ARN,
      endpointName: "prod alias",
      endpoint: "ws://127.0.0.1:8787",
      getToken: () => "t",
    });
    const { url } = await provider(context());
    expect(url).toBe(
      `ws://127.0.0.1:8787/runtimes/${encodeURIComponent(ARN)}/ws?qualifier=prod%20alias&X-Amzn-Bedrock-AgentCore-Runtime-Session-Id=${SESSION}`,
    );
  });

  it("asks for a fresh token on every call, with the context", async () => {
    const seen: number[] = [];
    const provider = bearerTokenProvider({
      runtimeArn: ARN,
      getToken: (ctx) => {
        seen.push(ctx.attempt);
        return `token-${seen.length}`;
      },
    });
    const first = await provider(context({ attempt: 0 }));
    const second = await provider(context({ attempt: 1 }));
    expect(seen).toEqual([0, 1]);
    expect(decodeProtocol(first.protocols?.[0] ?? "")).toBe("token-1");
    expect(decodeProtocol(second.protocols?.[0] ?? "")).toBe("token-2");
  });

  it.each([
    [
      "getToken throws",
      () => Promise.reject(new Error("refresh failed")),
      "token",
      "refresh failed",
    ],
    ["getToken gives an empty token", () => "", "token", "no token"],
    ["getToken gives a non-string", () => 42 as unknown as string, "token", "no token"],
    ["the JWT has expired", () => jwt({ exp: NOW / 1000 - 1 }), "token-expired", "already expired"],
  ])("rejects with a provider error when %s", async (_name, getToken, code, fragment) => {
    const provider = bearerTokenProvider({ runtimeArn: ARN, getToken, now: () => NOW });
    const error = await rejection(provider(context()));
    expect(error.code).toBe(code);
    expect(error.message).toContain(fragment);
  });

  it("refuses a session id the runtime would refuse", async () => {
    const provider = bearerTokenProvider({ runtimeArn: ARN, getToken: () => "t" });
    expect((await rejection(provider(context({ sessionId: "too-short" })))).code).toBe(
      "invalid-session-id",
    );
  });

  it("rejects with the abort reason and does not ask for a token once aborted", async () => {
    const getToken = vi.fn(() => "t");
    const provider = bearerTokenProvider({ runtimeArn: ARN, getToken });
    const controller = new AbortController();
    const reason = new Error("closed");
    controller.abort(reason);
    await expect(provider(context({ signal: controller.signal }))).rejects.toBe(reason);
    expect(getToken).not.toHaveBeenCalled();
  });

  it("rejects with the abort reason when aborted while the token is fetched", async () => {
    const controller = new AbortController();
    const reason = new Error("closed");
    const provider = bearerTokenProvider({
      runtimeArn: ARN,
      getToken: async () => {
        controller.abort(reason);
        throw new Error("token request aborted");
      },
    });
    await expect(provider(context({ signal: controller.signal }))).rejects.toBe(reason);
  });

  it("refuses bad options at creation", () => {
    const getToken = () => "t";
    expect(() => bearerTokenProvider({ runtimeArn: "arn:aws:s3:::bucket", getToken })).toThrow(
      AgentRuntimeValidationError,
    );
    expect(() =>
      bearerTokenProvider({ runtimeArn: ARN, region: "evil.example.com#", getToken }),
    ).toThrow(/Invalid AWS region/);
    expect(() => bearerTokenProvider({ runtimeArn: ARN, endpoint: "ftp://x", getToken })).toThrow(
      /Invalid endpoint/,
    );
    expect(() => bearerTokenProvider({ runtimeArn: ARN, maxAgeMs: -1, getToken })).toThrow(
      new AgentRuntimeValidationError(
        "bearerTokenProvider maxAgeMs must be a finite number > 0 (got -1)",
      ),
    );
    expect(() => bearerTokenProvider({ runtimeArn: ARN, getToken: "t" as never })).toThrow(
      new AgentRuntimeValidationError(
        "bearerTokenProvider getToken must be a function that returns the access token (got a string)",
      ),
    );
    expect(() => bearerTokenProvider({ runtimeArn: ARN, getToken, now: 1 as never })).toThrow(
      new AgentRuntimeValidationError("bearerTokenProvider now must be a function (got a number)"),
    );
    expect(() =>
      bearerTokenProvider({ runtimeArn: ARN, getToken, endpointName: [] as never }),
    ).toThrow(
      new AgentRuntimeValidationError(
        "bearerTokenProvider endpointName must be a string (got an empty array)",
      ),
    );
    expect(() => bearerTokenProvider({ runtimeArn: ARN, getToken, region: null as never })).toThrow(
      AgentRuntimeValidationError,
    );
    expect(() =>
      bearerTokenProvider({ runtimeArn: ARN, endpointName: "\ud800", getToken }),
    ).toThrow(AgentRuntimeValidationError);
  });
});
