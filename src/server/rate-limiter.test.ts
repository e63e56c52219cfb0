import { AgentRuntimeValidationError } from "../core/errors";
import { memoryRateLimitStore } from "./memory-rate-limit-store";
import { createRateLimiter, type RateLimitOptions } from "./rate-limiter";

function limiter(options: RateLimitOptions, now: () => number) {
  return createRateLimiter("rateLimit", options, memoryRateLimitStore(), now);
}

describe("createRateLimiter", () => {
  it("allows max requests per key per window, then reports the wait", async () => {
    let now = 10_000;
    const { take } = limiter({ max: 2, windowMs: 1000 }, () => now);
    expect(await take("a")).toEqual({ allowed: true });
    now += 400;
    expect(await take("a")).toEqual({ allowed: true });
    expect(await take("a")).toEqual({ allowed: false, retryAfterMs: 600 });
    expect(await take("b")).toEqual({ allowed: true });
    now += 600;
    expect(await take("a")).toEqual({ allowed: true });
  });

  it("starts a new window when the clock goes backwards", async () => {
    let now = 5000;
    const { take } = limiter({ max: 1, windowMs: 1000 }, () => now);
    await take("a");
    now = 1000;
    expect(await take("a")).toEqual({ allowed: true });
  });

  it("gives back a count within the window, never below zero", async () => {
    const now = 0;
    const { take, giveBack } = limiter({ max: 1, windowMs: 1000 }, () => now);
    await take("a");
    await giveBack("a");
    await giveBack("a");
    expect(await take("a")).toEqual({ allowed: true });
    expect(await take("a")).toMatchObject({ allowed: false });
  });

  it.each([
    [{ max: 0, windowMs: 1 }, "rateLimit.max must be a whole number >= 1 (got 0)"],
    [{ max: 1.5, windowMs: 1 }, "rateLimit.max must be a whole number >= 1 (got 1.5)"],
    [{ max: 1, windowMs: 0 }, "rateLimit.windowMs must be a finite number > 0 (got 0)"],
    [
      { max: 1, windowMs: Infinity },
      "rateLimit.windowMs must be a finite number > 0 (got Infinity)",
    ],
    [true, "rateLimit must be an object { max, windowMs } (got a boolean)"],
  ])("refuses the settings %j with a validation error", (settings, message) => {
    const create = () => limiter(settings as never, Date.now);
    expect(create).toThrow(AgentRuntimeValidationError);
    expect(create).toThrow(message);
  });
});
