/** Counts of the process's active handles and requests by type (`process.getActiveResourcesInfo`). */
export type ResourceCounts = Record<string, number>;

export function countResources(): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resource counts once they stop changing (sockets being torn down finish closing): two equal
 * reads in a row, `intervalMs` apart, or the last read after `maxMs`. The sleep's own timer is
 * not counted.
 */
export async function settledResources(intervalMs = 40, maxMs = 3000): Promise<ResourceCounts> {
  let previous = countResources();
  const deadline = performance.now() + maxMs;
  while (performance.now() < deadline) {
    await sleep(intervalMs);
    const current = countResources();
    if (sameCounts(previous, current)) return current;
    previous = current;
  }
  return previous;
}

function sameCounts(a: ResourceCounts, b: ResourceCounts): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}

/** Types whose count grew from `before` to `after`, with the growth. */
export function resourceGrowth(before: ResourceCounts, after: ResourceCounts): ResourceCounts {
  const growth: ResourceCounts = {};
  for (const [type, count] of Object.entries(after)) {
    const delta = count - (before[type] ?? 0);
    if (delta > 0) growth[type] = delta;
  }
  return growth;
}

/** `heapUsed` in bytes, after a full collection when the process runs with `--expose-gc`. */
export function heapUsed(collect = false): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collect && gc) {
    gc();
    gc();
  }
  return process.memoryUsage().heapUsed;
}

/** Whether `heapUsed(true)` really collects. */
export function canCollect(): boolean {
  return typeof (globalThis as { gc?: unknown }).gc === "function";
}
