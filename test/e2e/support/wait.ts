/**
 * Polls `condition` until it returns a truthy value (returned) or `timeoutMs` passes (throws
 * with `what`). For conditions outside the page; inside it, use Playwright's own waiting.
 */
export async function waitUntil<T>(
  condition: () => T | Promise<T>,
  what: string,
  { timeoutMs = 15_000, intervalMs = 50 } = {},
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) {
      const cause = last instanceof Error ? ` (last error: ${last.message})` : "";
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
