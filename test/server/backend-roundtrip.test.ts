import { backendUrlProvider, AgentRuntimeProviderError } from "../../src";
import { createPresignHandler } from "../../src/server";
import { verifyPresignedUrl } from "../providers/presigned-url-verifier";
import { ARN, CREDENTIALS, SECRET, bearerPrincipal, serve, type Served } from "./serve";

const PROVISIONAL = "browser-provisional-id-0123456789abcdefgh";

let served: Served;
beforeAll(async () => {
  served = await serve();
});
afterAll(async () => {
  await served.close();
});

function context(sessionId = PROVISIONAL) {
  return { sessionId, signal: new AbortController().signal, attempt: 0 };
}

describe("backendUrlProvider against createPresignHandler", () => {
  it("gets a verifiable URL, adopts the bound id, and resumes with it", async () => {
    const provider = backendUrlProvider({
      endpoint: served.url,
      headers: { Authorization: "Bearer alice" },
    });
    const first = await provider(context());
    expect(first.sessionId).not.toBe(PROVISIONAL);
    expect(first.issuedAt).toBeDefined();
    expect(first.expiresAt - (first.issuedAt ?? 0)).toBe(300_000);
    const verified = await verifyPresignedUrl(first.url, CREDENTIALS, "us-west-2");
    expect(verified.params["X-Amzn-Bedrock-AgentCore-Runtime-Session-Id"]).toBe(first.sessionId);

    const resumed = await provider(context(first.sessionId));
    expect(resumed.sessionId).toBe(first.sessionId);
  });

  it("surfaces the handler's refusals as provider errors with status and message", async () => {
    const alice = await backendUrlProvider({
      endpoint: served.url,
      headers: { Authorization: "Bearer alice" },
    })(context());
    const asBob = backendUrlProvider({
      endpoint: served.url,
      headers: { Authorization: "Bearer bob" },
    });
    const error = await asBob(context(alice.sessionId)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AgentRuntimeProviderError);
    expect(error).toMatchObject({ code: "http-status", status: 403 });
    expect((error as Error).message).toContain("This session belongs to someone else");

    const anonymous = await backendUrlProvider({ endpoint: served.url })(context()).catch(
      (e: unknown) => e,
    );
    expect(anonymous).toMatchObject({ code: "http-status", status: 401 });
  });

  it("passes extra body fields the handler understands", async () => {
    const provider = backendUrlProvider({
      endpoint: served.url,
      headers: { Authorization: "Bearer alice" },
      body: () => ({ expires: 30 }),
    });
    const connection = await provider(context());
    expect(
      (await verifyPresignedUrl(connection.url, CREDENTIALS, "us-west-2")).expiresSeconds,
    ).toBe(30);
  });
});

describe("createPresignHandler as a plain Web handler (Next.js, workers, Deno)", () => {
  const handler = createPresignHandler({
    runtimeArn: ARN,
    authorize: bearerPrincipal,
    credentials: CREDENTIALS,
    sessionSecret: SECRET,
  });

  it("answers a Request with a Response", async () => {
    const response = await handler(
      new Request("https://app.example.com/api/agent-url", {
        method: "POST",
        headers: {
          "Content-Type": "application/json; charset=utf-8",
          Authorization: "Bearer alice",
        },
        body: JSON.stringify({ sessionId: PROVISIONAL }),
      }),
    );
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { url: string };
    await verifyPresignedUrl(answer.url, CREDENTIALS, "us-west-2");
  });

  it("treats the page's own origin as allowed when allowedOrigins is set", async () => {
    const withCors = createPresignHandler({
      runtimeArn: ARN,
      authorize: bearerPrincipal,
      credentials: CREDENTIALS,
      allowedOrigins: ["https://partner.example"],
    });
    const response = await withCors(
      new Request("https://app.example.com/api/agent-url", {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Authorization: "Bearer alice",
          Origin: "https://app.example.com",
        },
        body: "{}",
      }),
    );
    expect(response.status).toBe(200);
  });

  it("answers 500 when authorize throws, without its message", async () => {
    const broken = createPresignHandler({
      runtimeArn: ARN,
      authorize: () => {
        throw new Error("database password rejected");
      },
      credentials: CREDENTIALS,
    });
    const response = await broken(
      new Request("https://app.example.com/u", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain("password");
  });
});
