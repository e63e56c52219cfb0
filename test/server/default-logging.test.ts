import type { MockInstance } from "vitest";
import { type PresignLogEvent } from "../../src/server";
import { post, serve, type Served } from "./serve";

const SIGNATURE = "9f".repeat(32);
const SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
const LEAKY_URL =
  "wss://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/x/ws?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20300303%2Fus-west-2%2Fbedrock-agentcore%2Faws4_request" +
  `&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEPr%2F%2F%2F%2FwEaCXVzLXdlc3QtMiJHMEUCIQDm&X-Amz-Signature=${SIGNATURE}`;

/** A credentials provider whose error drags secrets along, as careless ones do. */
async function leakyCredentials(): Promise<never> {
  throw new Error(`STS refused ${LEAKY_URL} with secretAccessKey=${SECRET_KEY}`, {
    cause: new Error(`Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl`),
  });
}

const SECRETS = [
  SIGNATURE,
  SECRET_KEY,
  "AKIAIOSFODNN7EXAMPLE",
  "IQoJb3JpZ2luX2VjEPr",
  "eyJhbGciOiJIUzI1NiJ9",
];

let served: Served | undefined;
let consoleSpies: Record<"debug" | "info" | "log" | "warn" | "error", MockInstance>;

beforeEach(() => {
  consoleSpies = {
    debug: vi.spyOn(console, "debug").mockImplementation(() => {}),
    info: vi.spyOn(console, "info").mockImplementation(() => {}),
    log: vi.spyOn(console, "log").mockImplementation(() => {}),
    warn: vi.spyOn(console, "warn").mockImplementation(() => {}),
    error: vi.spyOn(console, "error").mockImplementation(() => {}),
  };
});

afterEach(async () => {
  await served?.close();
  served = undefined;
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

function printed(level: keyof typeof consoleSpies): string[] {
  return consoleSpies[level].mock.calls.map((args) => args.map(String).join(" "));
}

function allPrinted(): string {
  return Object.keys(consoleSpies)
    .flatMap((level) => printed(level as keyof typeof consoleSpies))
    .join("\n");
}

describe("the presign handler's default log", () => {
  it("prints a missing-credentials failure at error level with its cause; the 500 says credentials-unavailable", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", "");
    served = await serve({ credentials: undefined, log: undefined });
    const response = await post(served.url, {});
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      error: {
        code: "credentials-unavailable",
        message: "The server has no AWS credentials to sign with",
      },
    });
    expect(printed("error")).toHaveLength(1);
    expect(printed("error")[0]).toMatch(
      /^agentcore-react\/server: failed 500 credentials-unavailable principal="alice" address=127\.0\.0\.1: .*No AWS credentials found/s,
    );
    expect(printed("info")).toEqual([]);
  });

  it("prints refusals at info level, one line each", async () => {
    served = await serve({ log: undefined });
    await post(served.url, {}, null);
    expect(printed("info")).toEqual([
      "agentcore-react/server: refused 401 unauthorized address=127.0.0.1",
    ]);
    expect(printed("error")).toEqual([]);
  });

  it("prints nothing for a URL it minted", async () => {
    served = await serve({ log: undefined });
    expect((await post(served.url, {})).status).toBe(200);
    expect(allPrinted()).toBe("");
  });

  it("redacts every secret from the cause it prints and from the 500 body", async () => {
    served = await serve({ credentials: leakyCredentials, log: undefined });
    const response = await post(served.url, {});
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      error: {
        code: "credentials-unavailable",
        message: "The server has no AWS credentials to sign with",
      },
    });
    const output = allPrinted();
    expect(output).toContain("STS refused");
    expect(output).toContain("[REDACTED]");
    for (const secret of SECRETS) {
      expect(output).not.toContain(secret);
      expect(body).not.toContain(secret);
    }
  });

  it("is silent with log: false", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "");
    served = await serve({ credentials: undefined, log: false });
    expect((await post(served.url, {})).status).toBe(500);
    expect((await post(served.url, {}, null)).status).toBe(401);
    expect(allPrinted()).toBe("");
  });

  it("routes to the log option instead, handing over a redacted error", async () => {
    const events: PresignLogEvent[] = [];
    served = await serve({ credentials: leakyCredentials, log: (event) => events.push(event) });
    await post(served.url, {});
    expect(allPrinted()).toBe("");
    expect(events).toMatchObject([
      {
        type: "failed",
        status: 500,
        code: "credentials-unavailable",
        principal: "alice",
        clientAddress: "127.0.0.1",
      },
    ]);
    const failed = events[0] as Extract<PresignLogEvent, { type: "failed" }>;
    expect(failed.error).toBeInstanceOf(Error);
    const seen = `${String(failed.error)} ${(failed.error as Error).stack} ${String((failed.error as Error).cause)}`;
    for (const secret of SECRETS) expect(seen).not.toContain(secret);
  });

  it("logs a failure of toNodeHandler itself, before the handler ran", async () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    served = await serve({ log: undefined }, (listener) => (req, res) => {
      req.resume();
      req.once("end", () => {
        // Express's json parser left something that cannot be turned back into JSON.
        Object.assign(req, { body: circular });
        listener(req, res);
      });
    });
    const response = await post(served.url, {});
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("internal");
    expect(printed("error")).toHaveLength(1);
    expect(printed("error")[0]).toMatch(
      /^agentcore-react\/server: failed 500 internal address=127\.0\.0\.1: TypeError: .*circular/is,
    );
  });
});
