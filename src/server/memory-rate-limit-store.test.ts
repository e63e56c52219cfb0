import { AgentRuntimeValidationError } from "../core/errors";
import { memoryRateLimitStore } from "./memory-rate-limit-store";

const MINUTE = 60_000;

describe("memoryRateLimitStore", () => {
  it("never walks its keys, even with 40,000 of them", async () => {
    const store = memoryRateLimitStore({ maxKeys: 100_000 });
    for (let i = 0; i < 40_000; i++) await store.increment(`k${i}`, MINUTE, 1000);
    const walks = [
      vi.spyOn(Map.prototype, Symbol.iterator),
      vi.spyOn(Map.prototype, "entries"),
      vi.spyOn(Map.prototype, "forEach"),
      vi.spyOn(Map.prototype, "keys"),
      vi.spyOn(Map.prototype, "values"),
    ];
    try {
      for (let i = 0; i < 100; i++) {
        await store.increment(`k${i}`, MINUTE, 2000 + i);
        await store.increment(`new${i}`, MINUTE, 2000 + i);
        await store.decrement(`k${i}`, 2000 + i);
      }
      // Past a window length the generations turn over: still no walk.
      await store.increment("late", MINUTE, 1000 + MINUTE);
      expect(walks.map((spy) => spy.mock.calls.length)).toEqual([0, 0, 0, 0, 0]);
    } finally {
      for (const spy of walks) spy.mockRestore();
    }
  });

  it("forgets ended windows within two window lengths, without a sweep", async () => {
    const store = memoryRateLimitStore();
    for (let i = 0; i < 1000; i++) await store.increment(`k${i}`, MINUTE, i);
    expect(store.size).toBe(1000);
    await store.increment("x", MINUTE, MINUTE + 1000);
    await store.increment("y", MINUTE, 2 * MINUTE + 1000);
    expect(store.size).toBe(2);
  });

  it("keeps a window alive across a generation turn while it lasts", async () => {
    const store = memoryRateLimitStore();
    await store.increment("a", MINUTE, 0);
    await store.increment("other", 1000, 30_000); // a shorter window turns nothing early
    await store.increment("b", MINUTE, MINUTE - 1);
    await store.increment("c", MINUTE, MINUTE); // turn: "a" and "b" move to the older generation
    expect(await store.increment("b", MINUTE, 2 * MINUTE - 2)).toEqual({
      count: 2,
      resetAt: 2 * MINUTE - 1,
    });
    expect(await store.increment("a", MINUTE, 2 * MINUTE - 2)).toEqual({
      count: 1,
      resetAt: 3 * MINUTE - 2,
    });
    await store.increment("d", MINUTE, 2 * MINUTE); // turn: only "other" is dropped
    expect(store.size).toBe(4); // a, b, c and d
  });

  it("holds at most twice maxKeys, and a flood of new keys cannot reset a tracked key", async () => {
    const store = memoryRateLimitStore({ maxKeys: 100 });
    for (let i = 0; i < 5; i++) await store.increment("victim-or-attacker", MINUTE, 0);
    for (let i = 0; i < 10_000; i++) await store.increment(`flood${i}`, MINUTE, i % 1000);
    expect(store.size).toBeLessThanOrEqual(2 * 100 + 1);
    // The tracked key keeps its count: no eviction handed it a fresh window.
    expect((await store.increment("victim-or-attacker", MINUTE, 1000)).count).toBe(6);
    // New keys past the cap share one window, which is over any limit by now.
    expect((await store.increment("newcomer", MINUTE, 1000)).count).toBeGreaterThan(9000);
    // The next generations bring room for new keys again.
    await store.increment("z", MINUTE, MINUTE + 1);
    await store.increment("z", MINUTE, 2 * MINUTE + 2);
    expect((await store.increment("newcomer", MINUTE, 2 * MINUTE + 3)).count).toBe(1);
  });

  it("decrements only a live window", async () => {
    const store = memoryRateLimitStore();
    await store.increment("a", 1000, 0);
    await store.increment("a", 1000, 1);
    await store.decrement("a", 2);
    await store.decrement("missing", 2);
    expect((await store.increment("a", 1000, 3)).count).toBe(2);
    await store.decrement("a", 1000); // ended
    expect((await store.increment("a", 1000, 1001)).count).toBe(1);
  });

  it.each([
    [{ maxKeys: 0 }, "memoryRateLimitStore maxKeys must be a whole number >= 1 (got 0)"],
    [null, "memoryRateLimitStore must be an options object { maxKeys? } (got null)"],
  ])("refuses %j", (options, message) => {
    const create = () => memoryRateLimitStore(options as never);
    expect(create).toThrow(AgentRuntimeValidationError);
    expect(create).toThrow(message);
  });
});
