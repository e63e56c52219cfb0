import type { EmulatorTimers } from "../clock";
import { EmulatorOptionsError } from "../options-error";

/**
 * Waits `ms` on the connection's timers. Resolves `false` early when any signal aborts (the
 * socket closed, or the answer was cancelled). A 0 ms pause still yields to pending frames.
 */
export function pause(
  timers: EmulatorTimers,
  ms: number,
  signals: readonly AbortSignal[],
): Promise<boolean> {
  return new Promise((resolve) => {
    if (signals.some((signal) => signal.aborted)) return resolve(false);
    const stop = () => {
      timers.clearTimeout(handle);
      for (const signal of signals) signal.removeEventListener("abort", stop);
      resolve(false);
    };
    const handle = timers.setTimeout(() => {
      for (const signal of signals) signal.removeEventListener("abort", stop);
      resolve(true);
    }, ms);
    for (const signal of signals) signal.addEventListener("abort", stop, { once: true });
  });
}

/** Splits text into chunks of at most `size` characters, never inside a surrogate pair. */
export function chunkText(text: string, size: number): string[] {
  const chars = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0; i < chars.length; i += size) chunks.push(chars.slice(i, i + size).join(""));
  return chunks;
}

/**
 * Validates a pacing option.
 *
 * @throws {EmulatorOptionsError} for a chunk size under 1 or a negative interval.
 */
export function checkPacing(chunkSize: number, intervalMs: number): void {
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new EmulatorOptionsError(
      `chunkSize must be a whole number of at least 1, got ${chunkSize}`,
    );
  if (!Number.isFinite(intervalMs) || intervalMs < 0)
    throw new EmulatorOptionsError(`intervalMs must be 0 or more, got ${intervalMs}`);
}
