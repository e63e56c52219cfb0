import { AgentRuntimeValidationError } from "../../src";
import { createPresignHandler, type RateLimitStore } from "../../src/server";
import { ARN, CREDENTIALS, bearerPrincipal, post, serve, type Served } from "./serve";

let served: Served | undefined;
afterEach(async () => {
  await served?.close();
  served = undefined;
});

describe("the rateLimitStore option", () => {
  it("counts in the given store, per principal, with the configured window", async () => {
    const calls: Array<[string, number, number]> = [];
    const counts = new Map<string, number>();
    const store: RateLimitStore = {
      async increment(key, windowMs, now) {
        calls.push([key, windowMs, now]);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        return { count: counts.get(key) ?? 0, resetAt: now + windowMs };
      },
      async decrement(key) {
        calls.push([key, -1, -1]);
        counts.set(key, (counts.get(key) ?? 0) - 1);
      },
    };
    served = await serve({
      rateLimit: { max: 1, windowMs: 30_000 },
      rateLimitStore: store,
      now: () => 5_000,
    });
    expect((await post(served.url, {}, "alice")).status).toBe(200);
    const refused = await post(served.url, {}, "alice");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("30");
    // The pre-authorization limit counts in the same store, and gives back on success.
    expect(calls).toEqual([
      ["pre:127.0.0.1", 60_000, 5_000],
      ["pre:127.0.0.1", -1, -1],
      ["p:alice", 30_000, 5_000],
      ["pre:127.0.0.1", 60_000, 5_000],
      ["pre:127.0.0.1", -1, -1],
      ["p:alice", 30_000, 5_000],
    ]);
  });

  it("refuses with 503 rate-limit-unavailable when the store fails, and logs why", async () => {
    const store: RateLimitStore = {
      increment: () => Promise.reject(new Error("ECONNREFUSED 127.0.0.1:6379")),
      decrement: () => Promise.reject(new Error("ECONNREFUSED 127.0.0.1:6379")),
    };
    served = await serve({ rateLimit: { max: 5, windowMs: 1000 }, rateLimitStore: store });
    const response = await post(served.url, {}, "alice");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      error: { code: "rate-limit-unavailable", message: "Try again later" },
    });
    expect(served.mints()).toBe(0);
    // The pre-authorization limit is the first to find out, before authorize.
    expect(served.logs).toMatchObject([{ type: "failed", clientAddress: "127.0.0.1" }]);
  });

  it.each([{}, { increment: () => {} }, "redis://localhost"])(
    "refuses a store that is not one: %j",
    (rateLimitStore) => {
      const create = () =>
        createPresignHandler({
          runtimeArn: ARN,
          authorize: bearerPrincipal,
          credentials: CREDENTIALS,
          rateLimitStore: rateLimitStore as unknown as RateLimitStore,
        });
      expect(create).toThrow(AgentRuntimeValidationError);
      expect(create).toThrow(
        /^rateLimitStore must be a store \{ increment\(key, windowMs, now\), decrement\(key, now\) \} \(got an? (object|string)\)$/,
      );
    },
  );
});
