/**
 * `npm run bench:rate-limiter`: time per rate-limit call with 5k, 40k and 200k live keys, the
 * limiter before (a sweep over every key on each call past 10k keys) and after (two
 * generations, O(1)); plus the memory per key and what a flood of 1M new keys leaves behind.
 * Writes `bench/results/rate-limiter.json`. Run with `--expose-gc` for the memory figures.
 */
import { createBaselineRateLimiter } from "./lib/rate-limiter-baseline";
import { writeResult } from "./lib/results";
import { memoryRateLimitStore } from "../src/server/memory-rate-limit-store";
import { createRateLimiter } from "../src/server/rate-limiter";

const KEY_COUNTS = [5_000, 40_000, 200_000];
const OPTIONS = { max: 5, windowMs: 3_600_000 };
const ROUNDS = 5;
const ROUND_MS = 100;
const NOW = 1_000_000;

type Call = (i: number) => unknown;

/** Median over rounds of the mean time per call (µs), each round at least ROUND_MS long. */
async function microsPerCall(call: Call, keys: number): Promise<number> {
  const rounds: number[] = [];
  let i = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const start = process.hrtime.bigint();
    let calls = 0;
    let elapsed = 0;
    while (calls < 50 || elapsed < ROUND_MS * 1e6) {
      for (let batch = 0; batch < 10; batch++) await call(i++ % keys);
      calls += 10;
      elapsed = Number(process.hrtime.bigint() - start);
    }
    rounds.push(elapsed / calls / 1000);
  }
  rounds.sort((a, b) => a - b);
  return Number((rounds[Math.floor(ROUNDS / 2)] ?? 0).toFixed(3));
}

async function before(keys: number): Promise<number> {
  const take = createBaselineRateLimiter(OPTIONS, () => NOW);
  for (let i = 0; i < keys; i++) take(`user-${i}`);
  return microsPerCall((i) => take(`user-${i}`), keys);
}

async function after(keys: number): Promise<number> {
  // Room for every key: this measures the lookups, not the overflow window.
  const store = memoryRateLimitStore({ maxKeys: keys * 2 });
  const { take } = createRateLimiter("rateLimit", OPTIONS, store, () => NOW);
  for (let i = 0; i < keys; i++) await take(`user-${i}`);
  return microsPerCall((i) => take(`user-${i}`), keys);
}

function heapUsed(): number | undefined {
  if (typeof globalThis.gc !== "function") return undefined;
  globalThis.gc();
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

/** Heap bytes per tracked key at 200k keys (needs --expose-gc). */
async function bytesPerKey(): Promise<number | undefined> {
  const keys = 200_000;
  const base = heapUsed();
  const store = memoryRateLimitStore({ maxKeys: keys });
  for (let i = 0; i < keys; i++) await store.increment(`user-${i}`, OPTIONS.windowMs, NOW);
  const used = heapUsed();
  if (base === undefined || used === undefined || store.size !== keys) return undefined;
  return Math.round((used - base) / keys);
}

/** 1M distinct new keys in one window against the default store: what it holds afterwards. */
async function flood() {
  const store = memoryRateLimitStore();
  const base = heapUsed();
  const start = process.hrtime.bigint();
  for (let i = 0; i < 1_000_000; i++) await store.increment(`flood-${i}`, OPTIONS.windowMs, NOW);
  const micros = Number(process.hrtime.bigint() - start) / 1000 / 1_000_000;
  const used = heapUsed();
  return {
    newKeys: 1_000_000,
    keysHeld: store.size,
    microsPerCall: Number(micros.toFixed(3)),
    heapGrowthMiB:
      base === undefined || used === undefined
        ? undefined
        : Number(((used - base) / 2 ** 20).toFixed(1)),
  };
}

const perCall = [];
for (const keys of KEY_COUNTS) {
  const row = { keys, beforeMicros: await before(keys), afterMicros: await after(keys) };
  console.log(`${keys} keys: before ${row.beforeMicros} µs/call, after ${row.afterMicros} µs/call`);
  perCall.push(row);
}
const memory = { bytesPerKeyAt200k: await bytesPerKey(), flood: await flood() };
console.log(`memory: ${JSON.stringify(memory)}`);
const path = writeResult("rate-limiter", {
  what: "mean time per rate-limit call (median of 5 rounds), every key live in one window",
  before: "per-process Map, swept in full on every call once it holds 10,000 keys",
  after:
    "memoryRateLimitStore: two generations turned once per window, maxKeys per generation (overflow window past it); calls awaited",
  perCall,
  memory,
});
console.log(`written to ${path}`);
