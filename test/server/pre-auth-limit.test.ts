import {
  createPresignHandler,
  DEFAULT_PRE_AUTH_RATE_LIMIT,
  type PresignHandlerOptions,
  type PresignLogEvent,
} from "../../src/server";
import { ARN, CREDENTIALS, bearerPrincipal } from "./serve";

function request(token: string, address = "192.0.2.1") {
  return new Request("https://api.example.com/api/agent-url", {
    method: "POST",
    headers: {
      "Content-Type": "application/json",
      Authorization: `Bearer ${token}`,
      "X-Test-Address": address,
    },
    body: "{}",
  });
}

function handler(options: Partial<PresignHandlerOptions> = {}) {
  let authorizeCalls = 0;
  const logs: PresignLogEvent[] = [];
  const presign = createPresignHandler({
    runtimeArn: ARN,
    credentials: CREDENTIALS,
    // Expensive in real life (a JWT check, a session lookup): count it.
    authorize: async (r) => {
      authorizeCalls += 1;
      await Promise.resolve();
      return bearerPrincipal(r);
    },
    clientAddress: (r) => r.headers.get("x-test-address"),
    log: (event) => logs.push(event),
    ...options,
  });
  return { presign, logs, authorizeCalls: () => authorizeCalls };
}

describe("the pre-authorization limit", () => {
  it("is on by default: a burst of 200 bad tokens reaches authorize at most max times", async () => {
    const { presign, authorizeCalls } = handler();
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => presign(request(`forged-${i}`))),
    );
    const statuses = responses.map((r) => r.status);
    expect(authorizeCalls()).toBe(DEFAULT_PRE_AUTH_RATE_LIMIT.max);
    expect(statuses.filter((s) => s === 401)).toHaveLength(DEFAULT_PRE_AUTH_RATE_LIMIT.max);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - DEFAULT_PRE_AUTH_RATE_LIMIT.max);
    const refused = responses.find((r) => r.status === 429);
    expect(refused?.headers.get("retry-after")).toBe("60");
    expect(await refused?.json()).toEqual({
      error: { code: "rate-limited", message: "Too many requests; try again later" },
    });
  });

  it("counts per address: another client still reaches authorize", async () => {
    const { presign } = handler({ preAuthRateLimit: { max: 3, windowMs: 60_000 } });
    for (let i = 0; i < 5; i++) await presign(request("forged!"));
    expect((await presign(request("forged!"))).status).toBe(429);
    expect((await presign(request("alice", "192.0.2.2"))).status).toBe(200);
  });

  it("gives back the count of every accepted request, so signed-in users are not limited by it", async () => {
    const { presign, authorizeCalls } = handler({ preAuthRateLimit: { max: 3, windowMs: 60_000 } });
    const statuses = [];
    for (let i = 0; i < 20; i++) statuses.push((await presign(request("alice"))).status);
    expect(statuses).toEqual(Array(20).fill(200));
    // Failures still count: three of them close the door, for good tokens too.
    for (let i = 0; i < 3; i++) await presign(request("forged!"));
    expect((await presign(request("alice"))).status).toBe(429);
    expect(authorizeCalls()).toBe(23);
  });

  it("counts requests whose authorize threw", async () => {
    let calls = 0;
    const { presign } = handler({
      preAuthRateLimit: { max: 2, windowMs: 60_000 },
      authorize: () => {
        calls += 1;
        throw new Error("session store down");
      },
    });
    expect((await presign(request("alice"))).status).toBe(500);
    expect((await presign(request("alice"))).status).toBe(500);
    expect((await presign(request("alice"))).status).toBe(429);
    expect(calls).toBe(2);
  });

  it("can be turned off", async () => {
    const { presign, authorizeCalls } = handler({ preAuthRateLimit: false });
    for (let i = 0; i < 150; i++) expect((await presign(request("forged!"))).status).toBe(401);
    expect(authorizeCalls()).toBe(150);
  });

  it("logs its refusals with the client address", async () => {
    const { presign, logs } = handler({ preAuthRateLimit: { max: 1, windowMs: 60_000 } });
    await presign(request("forged!"));
    await presign(request("forged!"));
    expect(logs).toEqual([
      { type: "refused", status: 401, code: "unauthorized", clientAddress: "192.0.2.1" },
      { type: "refused", status: 429, code: "rate-limited", clientAddress: "192.0.2.1" },
    ]);
  });
});
