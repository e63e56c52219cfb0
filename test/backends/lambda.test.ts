import { readFileSync } from "node:fs";
import { theBlock } from "../docs/code-blocks";
import type { LambdaFunctionURLEvent, LambdaFunctionURLResult } from "aws-lambda";
import { DEMO_CREDENTIALS, type Emulator } from "agentcore-react-emulator";
import type { HttpEvent, HttpResult } from "../../examples/backends/lambda";
import { backendUrlProvider } from "../../src/index";
import {
  chat,
  DEADLINE_MS,
  emulatorEnvironment,
  expectedAnswer,
  RUNTIME_ARN,
  startTestEmulator,
} from "./support";

/**
 * examples/backends/lambda.ts, invoked as Lambda invokes it: with a Function URL event of the
 * recorded shape (test/fixtures/lambda-function-url-event.json: payload format 2.0, headers in
 * lower case, cookies moved to `cookies`), configured by its environment for the local
 * emulator. No AWS involved.
 */

// The handler takes the events Lambda's own types describe, and returns what Lambda accepts.
const _event: HttpEvent = {} as LambdaFunctionURLEvent;
const _result: LambdaFunctionURLResult = {} as HttpResult;

const RECORDED = JSON.parse(
  readFileSync(new URL("../fixtures/lambda-function-url-event.json", import.meta.url), "utf8"),
) as LambdaFunctionURLEvent;

let emulator: Emulator | undefined;
let handler: (event: HttpEvent) => Promise<HttpResult>;
const warn = vi.spyOn(console, "warn");

beforeAll(async () => {
  emulator = await startTestEmulator();
  for (const [name, value] of Object.entries(emulatorEnvironment(emulator)))
    vi.stubEnv(name, value);
  vi.stubEnv("AWS_SESSION_TOKEN", "");
  // The module reads its configuration when Lambda loads it: after the environment is set.
  ({ handler } = await import("../../examples/backends/lambda"));
}, DEADLINE_MS);
afterAll(async () => {
  vi.unstubAllEnvs();
  warn.mockRestore();
  await emulator?.close();
});

function running(): Emulator {
  if (!emulator) throw new Error("The emulator did not start");
  return emulator;
}

/** The recorded event with some fields changed. */
function recorded(changes: Partial<LambdaFunctionURLEvent> = {}): LambdaFunctionURLEvent {
  return { ...structuredClone(RECORDED), ...changes };
}

/**
 * A `fetch` that goes through a Function URL to the handler: the request becomes a payload
 * format 2.0 event as the service builds one (the recorded event's context, this request's
 * method, path, headers in lower case, cookies apart, a JSON body as text), the result a
 * Response.
 */
function throughFunctionUrl(): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    const headers: Record<string, string> = {};
    const cookies: string[] = [];
    request.headers.forEach((value, name) => {
      if (name === "cookie") cookies.push(...value.split(/;\s*/));
      else headers[name] = value;
    });
    const event = recorded({ rawPath: url.pathname, headers, cookies, body: await request.text() });
    event.requestContext.http.method = request.method;
    const result = await handler(event);
    return new Response(result.body, { status: result.statusCode, headers: result.headers });
  };
}

describe("the Lambda backend example", () => {
  it("is docs/server.md's Lambda handler, verbatim", () => {
    const block = theBlock("docs/server.md", "the Lambda handler (handler.ts)", (candidate) =>
      candidate.code.startsWith("// handler.ts: the presign backend of an agentcore-react app"),
    );
    const example = new URL("../../examples/backends/lambda.ts", import.meta.url);
    expect(block.code).toBe(readFileSync(example, "utf8"));
  });

  it("answers the recorded Function URL event with a URL the emulator accepts", async () => {
    const result = await handler(recorded());
    expect(result.statusCode).toBe(200);
    expect(result.headers).toMatchObject({
      "content-type": expect.stringMatching(/^application\/json/),
      "cache-control": "no-store",
    });
    const answer = JSON.parse(result.body) as { url: string; sessionId: string };
    expect(answer.url.startsWith(`${running().url}/runtimes/`)).toBe(true);
    expect(warn).not.toHaveBeenCalledWith(expect.stringContaining("client address is unknown"));
  });

  it(
    "holds a chat: backendUrlProvider -> Function URL -> handler -> emulator -> the answer",
    async () => {
      const urlProvider = backendUrlProvider({
        endpoint: `https://${RECORDED.requestContext.domainName}/api/agent-url`,
        fetch: throughFunctionUrl(),
        headers: { cookie: "demo_user=alice" },
      });
      const first = await chat(urlProvider, "Hello from Lambda");
      expect(first.answer).toBe(expectedAnswer("Hello from Lambda", 1));
      expect(running().upgrades.filter((u) => u.sessionId === first.sessionId)).toEqual([
        expect.objectContaining({
          outcome: "accepted",
          runtimeArn: RUNTIME_ARN,
          accessKeyId: DEMO_CREDENTIALS.accessKeyId,
        }),
      ]);
    },
    DEADLINE_MS,
  );

  it("reads a base64-encoded body", async () => {
    const body = Buffer.from(JSON.stringify({ expires: 60 })).toString("base64");
    const result = await handler(recorded({ body, isBase64Encoded: true }));
    expect(result.statusCode).toBe(200);
    const { url } = JSON.parse(result.body) as { url: string };
    expect(new URL(url).searchParams.get("X-Amz-Expires")).toBe("60");
  });

  it("answers 401 without the demo cookie, and 405 to a GET", async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    const anonymous = await handler(recorded({ cookies: ["theme=dark"] }));
    expect(anonymous.statusCode).toBe(401);
    const get = recorded({ body: undefined });
    get.requestContext.http.method = "GET";
    expect((await handler(get)).statusCode).toBe(405);
  });
});
