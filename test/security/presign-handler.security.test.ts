/**
 * Attacks on the presign handler over real HTTP: `createPresignHandler` behind `toNodeHandler`
 * on a `node:http` server on 127.0.0.1, attacked from several loopback addresses (Linux routes
 * all of 127.0.0.0/8 to the loopback interface). The handler logs to the console (its
 * default), which is captured: every line it prints is checked for secrets at the end.
 */
import { connect } from "node:net";
import type { MockInstance } from "vitest";
import type { PresignHandlerOptions } from "../../src/server";
import { CREDENTIALS, SECRET, postFrom, serve, type RawAnswer, type Served } from "../server/serve";

const ANONYMOUS = { authorize: undefined, allowAnonymous: true } as const;
const FORGED_TOKEN = "forged-token-0123456789abcdefABCDEF";
const SECRETS = [
  CREDENTIALS.secretAccessKey,
  CREDENTIALS.sessionToken,
  encodeURIComponent(CREDENTIALS.sessionToken),
  CREDENTIALS.accessKeyId,
  SECRET,
  FORGED_TOKEN,
];

let servers: Served[] = [];
let printed: MockInstance[] = [];
/** Every body the handler answered, except the URLs it was asked for (200s). */
const refusalBodies: string[] = [];
/** Every signed URL the handler handed out, none of which may appear in a log line. */
const mintedUrls: string[] = [];

beforeAll(() => {
  printed = (["debug", "info", "log", "warn", "error"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation(() => {}),
  );
});

afterAll(() => {
  for (const spy of printed) spy.mockRestore();
});

afterEach(async () => {
  await Promise.all(servers.map((served) => served.close()));
  servers = [];
});

/** The handler with its default (console) log, through toNodeHandler on loopback. */
async function start(options: Partial<PresignHandlerOptions> = {}): Promise<Served> {
  const served = await serve({ log: undefined, ...options });
  servers.push(served);
  return served;
}

async function send(
  served: Served,
  options: Parameters<typeof postFrom>[2] & { body?: unknown } = {},
): Promise<RawAnswer> {
  const answer = await postFrom(served.url, options.body ?? {}, options);
  if (answer.status === 200) mintedUrls.push((JSON.parse(answer.body) as { url: string }).url);
  else refusalBodies.push(answer.body);
  return answer;
}

async function statuses(count: number, request: (i: number) => Promise<RawAnswer>) {
  const result: number[] = [];
  for (let i = 0; i < count; i++) result.push((await request(i)).status);
  return result;
}

function logLines(): string[] {
  return printed.flatMap((spy) => spy.mock.calls.map((args) => args.map(String).join(" ")));
}

describe("presign handler attacks over HTTP", () => {
  it("one anonymous client using up the limit does not lock out another", async () => {
    const served = await start({ ...ANONYMOUS, rateLimit: { max: 5, windowMs: 60_000 } });
    const attacker = await statuses(8, () => send(served, { localAddress: "127.0.0.2" }));
    expect(attacker).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    const bystander = await statuses(5, () => send(served, { localAddress: "127.0.0.3" }));
    expect(bystander).toEqual([200, 200, 200, 200, 200]);
  });

  it("a spoofed X-Forwarded-For does not buy a fresh bucket (trustProxy off)", async () => {
    const served = await start({ ...ANONYMOUS, rateLimit: { max: 2, windowMs: 60_000 } });
    const spoofing = await statuses(6, (i) =>
      send(served, {
        localAddress: "127.0.0.2",
        headers: { "X-Forwarded-For": `198.51.100.${i}, 203.0.113.${i}` },
      }),
    );
    expect(spoofing).toEqual([200, 200, 429, 429, 429, 429]);
  });

  it("behind one trusted proxy, only the entry the proxy appended counts", async () => {
    const served = await start({
      ...ANONYMOUS,
      rateLimit: { max: 2, windowMs: 60_000 },
      trustProxy: 1,
    });
    // The client writes anything on the left; the proxy appends the address it saw.
    const spoofing = await statuses(4, (i) =>
      send(served, { headers: { "X-Forwarded-For": `198.51.100.${i}, 203.0.113.9` } }),
    );
    expect(spoofing).toEqual([200, 200, 429, 429]);
  });

  it("a burst of 200 bad tokens hits the pre-authorization limit, not authorize", async () => {
    let authorizeCalls = 0;
    const served = await start({
      authorize: (request) => {
        authorizeCalls += 1;
        const token = request.headers.get("authorization");
        return token === "Bearer alice" ? { principal: "alice" } : null;
      },
      preAuthRateLimit: { max: 20, windowMs: 60_000 },
    });
    const burst = await Promise.all(
      Array.from({ length: 200 }, () =>
        send(served, {
          localAddress: "127.0.0.2",
          headers: { Authorization: `Bearer ${FORGED_TOKEN}` },
        }),
      ),
    );
    expect(authorizeCalls).toBe(20);
    expect(burst.filter((a) => a.status === 401)).toHaveLength(20);
    expect(burst.filter((a) => a.status === 429)).toHaveLength(180);
    expect(burst.find((a) => a.status === 429)?.headers["retry-after"]).toBe("60");
    // A signed-in user elsewhere is not affected.
    const alice = await send(served, {
      localAddress: "127.0.0.3",
      headers: { Authorization: "Bearer alice" },
    });
    expect(alice.status).toBe(200);
  });

  it("a body trickled a byte at a time is cut off with 408 and the connection closed", async () => {
    const served = await start({ bodyTimeoutMs: 500 });
    const { port } = new URL(served.url);
    const socket = connect(Number(port), "127.0.0.1");
    let received = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => (received += chunk));
    socket.on("error", () => {});
    socket.write(
      "POST /api/agent-url HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
        "Authorization: Bearer alice\r\nContent-Length: 4000\r\n\r\n{",
    );
    const trickle = setInterval(() => socket.writable && socket.write(" "), 25);
    await new Promise((resolve) => socket.once("close", resolve));
    clearInterval(trickle);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(received).toMatch(/\r\nconnection: close\r\n/i);
    refusalBodies.push(received.slice(received.indexOf("\r\n\r\n") + 4));
    expect(served.mints()).toBe(0);
  });

  it("TRACE gets 405 with Allow, and is logged", async () => {
    const served = await start();
    const answer = await send(served, {
      method: "TRACE",
      body: "",
      headers: { Authorization: "Bearer alice" },
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe("POST, OPTIONS");
    expect(logLines()).toContain(
      "agentcore-react/server: refused 405 method-not-allowed address=127.0.0.1",
    );
  });

  it("a failure carrying secrets answers with a code, and its log line carries none of them", async () => {
    const served = await start({
      credentials: async () => {
        throw new Error(
          `denied: aws_secret_access_key=${CREDENTIALS.secretAccessKey} aws_session_token=${CREDENTIALS.sessionToken}`,
        );
      },
    });
    const answer = await send(served, { headers: { Authorization: "Bearer alice" } });
    expect(answer.status).toBe(500);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "credentials-unavailable" } });
    expect(logLines().some((line) => line.includes("denied: aws_secret_access_key="))).toBe(true);
  });

  it("mints for a real user without printing the URL", async () => {
    const served = await start();
    const answer = await send(served, { headers: { Authorization: "Bearer alice" } });
    expect(answer.status).toBe(200);
  });

  it("left no secret in any refusal body or log line above", () => {
    expect(mintedUrls.length).toBeGreaterThan(10);
    expect(refusalBodies.length).toBeGreaterThan(200);
    const signatures = mintedUrls.map((url) => new URL(url).searchParams.get("X-Amz-Signature"));
    const lines = logLines();
    expect(lines.length).toBeGreaterThan(200);
    const everything = [...refusalBodies, ...lines].join("\n");
    for (const secret of [...SECRETS, ...mintedUrls, ...signatures]) {
      expect(everything).not.toContain(secret);
    }
    expect(everything).not.toMatch(/X-Amz-(Signature|Security-Token|Credential)=(?!\[REDACTED\])/i);
  });
});
