/** The timers of a connection. */
export type ConnectionTimerName =
  | "retry"
  | "prefetch"
  | "heartbeat"
  | "closeWait"
  | "providerDeadline"
  | "handshake"
  | "healthy"
  | "deliveryAck";

/** The part of {@link NamedTimers} a helper needs for the timers it owns. */
export interface TimerSlots<Name extends string> {
  start(name: Name, ms: number, run: () => void): void;
  clear(name: Name): void;
}

/**
 * Timers by name: starting one replaces the pending timer of that name, so a connection never
 * runs two retries or two prefetches at once, and `clearAll()` leaves nothing behind.
 */
export class NamedTimers<Name extends string> implements TimerSlots<Name> {
  readonly #timers = new Map<Name, ReturnType<typeof setTimeout>>();

  /** Runs `run` after `ms`, replacing the timer of that name. */
  start(name: Name, ms: number, run: () => void): void {
    this.clear(name);
    this.#timers.set(
      name,
      setTimeout(() => {
        this.#timers.delete(name);
        run();
      }, ms),
    );
  }

  clear(name: Name): void {
    clearTimeout(this.#timers.get(name));
    this.#timers.delete(name);
  }

  clearAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
