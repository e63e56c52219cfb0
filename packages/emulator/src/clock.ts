/** A point in time as a caller may give it: epoch ms, a Date, or a function returning either. */
export type TimeInput = number | Date | (() => number | Date);

/** Turns a {@link TimeInput} into a clock returning epoch ms (defaults to `Date.now`). */
export function toClock(time: TimeInput | undefined): () => number {
  if (time === undefined) return Date.now;
  if (typeof time === "function") {
    return () => {
      const value = time();
      return value instanceof Date ? value.getTime() : value;
    };
  }
  const fixed = time instanceof Date ? time.getTime() : time;
  return () => fixed;
}

/** The timer functions the emulator schedules with; inject manual ones to drive time in tests. */
export interface EmulatorTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** The platform's timers. */
export const systemTimers: EmulatorTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  // Platform edge: the handle is one this object's setTimeout returned, opaque to callers.
  // eslint-disable-next-line @typescript-eslint/consistent-type-assertions
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Timers that remember what is pending, so the emulator can cancel everything on `close()`
 * and leave no handle behind.
 */
export class TrackedTimers implements EmulatorTimers {
  readonly #inner: EmulatorTimers;
  readonly #pending = new Map<object, unknown>();

  constructor(inner: EmulatorTimers) {
    this.#inner = inner;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const token = {};
    const handle = this.#inner.setTimeout(() => {
      this.#pending.delete(token);
      callback();
    }, ms);
    this.#pending.set(token, handle);
    return token;
  }

  clearTimeout(token: unknown): void {
    if (typeof token !== "object" || token === null) return;
    const handle = this.#pending.get(token);
    if (handle === undefined) return;
    this.#pending.delete(token);
    this.#inner.clearTimeout(handle);
  }

  /** Resolves after `ms`, or right away (with `false`) when the signal aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve(false);
      const onAbort = () => {
        this.clearTimeout(token);
        resolve(false);
      };
      const token = this.setTimeout(() => {
        signal?.removeEventListener("abort", onAbort);
        resolve(true);
      }, ms);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  /** How many timers are pending. */
  get size(): number {
    return this.#pending.size;
  }

  /** Cancels every pending timer. */
  clearAll(): void {
    for (const handle of this.#pending.values()) this.#inner.clearTimeout(handle);
    this.#pending.clear();
  }
}
