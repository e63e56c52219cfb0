import { createPresignHandler, type PresignLogEvent } from "../../src/server";
import { ARN, CREDENTIALS, postFrom, serve, type Served } from "./serve";

const ANONYMOUS = { authorize: undefined, allowAnonymous: true } as const;
const LIMIT = { max: 2, windowMs: 60_000 };

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

async function statuses(
  url: string,
  count: number,
  from: string,
  headers: (i: number) => Record<string, string> = () => ({}),
): Promise<number[]> {
  const result: number[] = [];
  for (let i = 0; i < count; i++) {
    result.push((await postFrom(url, {}, { localAddress: from, headers: headers(i) })).status);
  }
  return result;
}

describe("anonymous rate limits per client address, over node:http", () => {
  it("gives each client address its own bucket", async () => {
    served = await serve({ ...ANONYMOUS, rateLimit: LIMIT });
    expect(await statuses(served.url, 3, "127.0.0.1")).toEqual([200, 200, 429]);
    // Another client is not locked out by the first one's requests.
    expect(await statuses(served.url, 3, "127.0.0.2")).toEqual([200, 200, 429]);
    expect(served.mints()).toBe(4);
  });

  it("ignores X-Forwarded-For by default: a spoofed header gets no fresh bucket", async () => {
    served = await serve({ ...ANONYMOUS, rateLimit: LIMIT });
    const spoofed = (i: number) => ({ "X-Forwarded-For": `198.51.100.${i}` });
    expect(await statuses(served.url, 4, "127.0.0.1", spoofed)).toEqual([200, 200, 429, 429]);
  });

  it("with trustProxy: 1, uses the address the proxy appended, not what the client wrote", async () => {
    served = await serve({ ...ANONYMOUS, rateLimit: LIMIT, trustProxy: 1 });
    // The proxy (this test) appends the real client, 203.0.113.7, to whatever the client sent.
    const viaProxy = (i: number) => ({ "X-Forwarded-For": `198.51.100.${i}, 203.0.113.7` });
    expect(await statuses(served.url, 3, "127.0.0.1", viaProxy)).toEqual([200, 200, 429]);
    const other = () => ({ "X-Forwarded-For": "198.51.100.1, 203.0.113.8" });
    expect(await statuses(served.url, 1, "127.0.0.1", other)).toEqual([200]);
  });

  it("with trustProxy: 2, skips both proxies' entries and no further", async () => {
    served = await serve({ ...ANONYMOUS, rateLimit: LIMIT, trustProxy: 2 });
    const chain = (i: number) => ({
      "X-Forwarded-For": `198.51.100.${i}, 203.0.113.7, 10.0.0.5`,
    });
    expect(await statuses(served.url, 3, "127.0.0.1", chain)).toEqual([200, 200, 429]);
  });

  it("limits authorized callers per principal, wherever they come from", async () => {
    served = await serve({ rateLimit: LIMIT });
    const alice = () => ({ Authorization: "Bearer alice" });
    expect(await statuses(served.url, 2, "127.0.0.1", alice)).toEqual([200, 200]);
    expect(await statuses(served.url, 1, "127.0.0.2", alice)).toEqual([429]);
  });
});

describe("client addresses in the Web-standard handler", () => {
  const request = (address: string) =>
    new Request("https://api.example.com/api/agent-url", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Test-Address": address },
      body: "{}",
    });

  it("uses the clientAddress option", async () => {
    const handler = createPresignHandler({
      runtimeArn: ARN,
      credentials: CREDENTIALS,
      ...ANONYMOUS,
      rateLimit: { max: 1, windowMs: 60_000 },
      clientAddress: (r) => r.headers.get("x-test-address") ?? undefined,
      log: () => {},
    });
    expect((await handler(request("192.0.2.1"))).status).toBe(200);
    expect((await handler(request("192.0.2.1"))).status).toBe(429);
    expect((await handler(request("192.0.2.2"))).status).toBe(200);
  });

  it("shares one bucket, and says so once, when no address is known", async () => {
    const logs: PresignLogEvent[] = [];
    const handler = createPresignHandler({
      runtimeArn: ARN,
      credentials: CREDENTIALS,
      ...ANONYMOUS,
      rateLimit: { max: 1, windowMs: 60_000 },
      log: (event) => logs.push(event),
    });
    expect((await handler(request("192.0.2.1"))).status).toBe(200);
    expect((await handler(request("192.0.2.2"))).status).toBe(429);
    expect((await handler(request("192.0.2.3"))).status).toBe(429);
    expect(logs.filter((event) => event.type === "warning")).toEqual([
      {
        type: "warning",
        code: "no-client-address",
        message: expect.stringContaining("clientAddress"),
      },
    ]);
  });
});
