import { mulberry32 } from "./prng";

describe("mulberry32", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const take = (seed: number) => {
      const next = mulberry32(seed);
      return Array.from({ length: 20 }, () => next());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
  });

  it("stays in [0, 1) and spreads over it", () => {
    const next = mulberry32(7);
    const values = Array.from({ length: 10_000 }, () => next());
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    const buckets = [0, 0, 0, 0];
    for (const value of values) buckets[Math.floor(value * 4)]! += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(2000);
  });
});
