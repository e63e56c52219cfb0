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

  it("refuses unusable settings", () => {
    expect(() => createRateLimiter({ max: 0, windowMs: 1 }, Date.now)).toThrow(/max/);
    expect(() => createRateLimiter({ max: 1, windowMs: 0 }, Date.now)).toThrow(/windowMs/);
  });
});
