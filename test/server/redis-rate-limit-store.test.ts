import { createClient } from "redis";
import { redisRateLimitStore } from "../../src/server";
import { startRedisServer, type RedisServer } from "../support/redis-server";
import { post, serve, type Served } from "./serve";

const WINDOW = 60_000;

let redis: RedisServer;
let client: ReturnType<typeof createClient>;

beforeAll(async () => {
  redis = await startRedisServer();
  client = createClient({
    socket: { host: "127.0.0.1", port: redis.port, reconnectStrategy: false },
  });
  client.on("error", () => {}); // Reported through the failing commands instead.
  await client.connect();
});

afterAll(async () => {
  if (client?.isOpen) client.destroy();
  await redis?.stop();
});

beforeEach(async () => {
  await client.sendCommand(["FLUSHALL"]);
});

describe("redisRateLimitStore against a real redis-server", () => {
  it("counts atomically: 200 concurrent increments give 1..200, with one expiry", async () => {
    const store = redisRateLimitStore(client);
    const now = Date.now();
    const counts = await Promise.all(
      Array.from({ length: 200 }, () => store.increment("p:alice", WINDOW, now)),
    );
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 200 }, (_, i) => i + 1),
    );
    for (const { resetAt } of counts) {
      expect(resetAt).toBeGreaterThan(now + WINDOW - 5000);
      expect(resetAt).toBeLessThanOrEqual(now + WINDOW);
    }
    const ttl = Number(await client.sendCommand(["PTTL", "agentcore-react:rate-limit:p:alice"]));
    expect(ttl).toBeGreaterThan(WINDOW - 5000);
    expect(ttl).toBeLessThanOrEqual(WINDOW);
  });

  it("keeps the first expiry (a later increment does not extend the window)", async () => {
    const store = redisRateLimitStore(client, { prefix: "t:" });
    await store.increment("k", WINDOW, Date.now());
    await client.sendCommand(["PEXPIRE", "t:k", "500000"]);
    await store.increment("k", WINDOW, Date.now());
    expect(Number(await client.sendCommand(["PTTL", "t:k"]))).toBeGreaterThan(WINDOW);
  });

  it("gives an expiry to a counter that lost it", async () => {
    const store = redisRateLimitStore(client, { prefix: "t:" });
    await client.sendCommand(["SET", "t:k", "3"]);
    expect((await store.increment("k", WINDOW, Date.now())).count).toBe(4);
    expect(Number(await client.sendCommand(["PTTL", "t:k"]))).toBeGreaterThan(0);
  });

  it("decrements within the window, never below 0, never creating a key, keeping the expiry", async () => {
    const store = redisRateLimitStore(client, { prefix: "t:" });
    await store.increment("k", WINDOW, Date.now());
    await store.decrement("k", Date.now());
    await store.decrement("k", Date.now());
    expect(await client.sendCommand(["GET", "t:k"])).toBe("0");
    expect(Number(await client.sendCommand(["PTTL", "t:k"]))).toBeGreaterThan(0);
    await store.decrement("missing", Date.now());
    expect(await client.sendCommand(["EXISTS", "t:missing"])).toBe(0);
  });

  it("lets two handler instances share one limit", async () => {
    const shared = { rateLimit: { max: 3, windowMs: WINDOW } };
    const first: Served = await serve({ ...shared, rateLimitStore: redisRateLimitStore(client) });
    const second: Served = await serve({ ...shared, rateLimitStore: redisRateLimitStore(client) });
    try {
      const statuses = [];
      for (const served of [first, second, first, second, first, second]) {
        statuses.push((await post(served.url, {}, "alice")).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
      expect(first.mints() + second.mints()).toBe(3);
      // Per principal, across both instances.
      expect((await post(second.url, {}, "bob")).status).toBe(200);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe("when Redis goes away", () => {
  it("refuses with 503 rate-limit-unavailable instead of serving without a limit", async () => {
    const served = await serve({
      rateLimit: { max: 3, windowMs: WINDOW },
      rateLimitStore: redisRateLimitStore(client, { timeoutMs: 500 }),
    });
    try {
      expect((await post(served.url, {}, "alice")).status).toBe(200);
      await redis.stop();
      const response = await post(served.url, {}, "alice");
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        "rate-limit-unavailable",
      );
      expect(served.mints()).toBe(1);
    } finally {
      await served.close();
    }
  });
});
