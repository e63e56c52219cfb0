/**
 * Calls every listener with `args`. One that throws does not keep the others (or the caller)
 * from running: its error is rethrown in a microtask, where it surfaces as an uncaught error.
 */
export function notify<Args extends unknown[]>(
  listeners: Iterable<(...args: Args) => void>,
  ...args: Args
): void {
  for (const listener of [...listeners]) {
    try {
      listener(...args);
    } catch (thrown) {
      queueMicrotask(() => {
        throw thrown;
      });
    }
  }
}

/** Adds `listener` to `listeners` and returns the function that removes it again. */
export function listen<Listener>(listeners: Set<Listener>, listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
