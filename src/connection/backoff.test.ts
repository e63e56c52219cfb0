import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AgentRuntimeValidationError } from "../core/errors";
import { backoffCeiling, computeBackoff } from "./backoff";

describe("backoffCeiling", () => {
  it("doubles from initialDelayMs and stops at maxDelayMs", () => {
    const ceilings = Array.from({ length: 10 }, (_, index) => backoffCeiling(index + 1));
    expect(ceilings).toEqual([
      500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
    expect(backoffCeiling(3, { initialDelayMs: 100, maxDelayMs: 250 })).toBe(250);
    expect(backoffCeiling(10_000)).toBe(30_000);
    expect(backoffCeiling(0)).toBe(500);
  });
});

describe("computeBackoff (full jitter)", () => {
  it("draws uniformly below the ceiling using the injected random()", () => {
    expect(computeBackoff(1, { random: () => 0 })).toBe(0);
    expect(computeBackoff(1, { random: () => 0.5 })).toBe(250);
    expect(computeBackoff(3, { random: () => 0.25 })).toBe(500);
    expect(computeBackoff(1, { random: () => 0.999_999 })).toBe(499);
    // A random() that misbehaves still yields a delay inside the bounds.
    expect(computeBackoff(1, { random: () => 1 })).toBe(499);
    expect(computeBackoff(1, { random: () => -3 })).toBe(0);
    expect(computeBackoff(1, { random: () => Number.NaN })).toBe(0);
  });

  it("always lands in [0, ceiling) and is a whole number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (attempt, draw, initialDelayMs, extra) => {
          const options = {
            initialDelayMs,
            maxDelayMs: initialDelayMs + extra,
            random: () => draw,
          };
          const delay = computeBackoff(attempt, options);
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThan(backoffCeiling(attempt, options));
        },
      ),
    );
  });

  it("spreads delays across the whole window (jitter, not a fixed delay)", () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const delays = Array.from({ length: 2_000 }, () => computeBackoff(5, { random }));
    const buckets = [0, 0, 0, 0];
    for (const delay of delays) buckets[Math.floor(delay / 2_000)]! += 1;
    // 8 000 ms window in four 2 000 ms buckets: each gets roughly a quarter.
    for (const count of buckets) expect(count).toBeGreaterThan(400);
  });

  it("refuses nonsense options with a typed error", () => {
    expect(() => computeBackoff(1, { initialDelayMs: -1 })).toThrow(AgentRuntimeValidationError);
    expect(() => computeBackoff(1, { initialDelayMs: 100, maxDelayMs: 50 })).toThrow(
      AgentRuntimeValidationError,
    );
    expect(() => computeBackoff(1, { maxAttempts: 2.5 })).toThrow(AgentRuntimeValidationError);
  });
});
