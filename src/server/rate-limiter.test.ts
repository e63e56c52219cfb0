import { AgentRuntimeValidationError } from "../core/errors";
import { createRateLimiter } from "./rate-limiter";

describe("createRateLimiter", () => {
  it("allows max requests per key per window, then reports the wait", () => {
    let now = 10_000;
    const take = createRateLimiter({ max: 2, windowMs: 1000 }, () => now);
    expect(take("a")).toEqual({ allowed: true });
    now += 400;
    expect(take("a")).toEqual({ allowed: true });
    expect(take("a")).toEqual({ allowed: false, retryAfterMs: 600 });
    expect(take("b")).toEqual({ allowed: true });
    now += 600;
    expect(take("a")).toEqual({ allowed: true });
  });

  it("starts a new window when the clock goes backwards", () => {
    let now = 5000;
    const take = createRateLimiter({ max: 1, windowMs: 1000 }, () => now);
    take("a");
    now = 1000;
    expect(take("a")).toEqual({ allowed: true });
  });

  it("forgets expired windows once many keys pile up", () => {
    let now = 0;
    const take = createRateLimiter({ max: 1, windowMs: 10 }, () => now);
    for (let i = 0; i < 10_000; i++) take(`k${i}`);
    now = 20;
    take("new");
    // k0's old window was swept, so it starts afresh rather than being refused.
    expect(take("k0")).toEqual({ allowed: true });
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
    const create = () => createRateLimiter(settings as never, Date.now);
    expect(create).toThrow(AgentRuntimeValidationError);
    expect(create).toThrow(message);
  });
});
