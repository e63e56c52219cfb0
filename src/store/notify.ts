/**
 * Calls every listener with `value`. One that throws does not keep the others (or the caller)
 * from running: its error is rethrown in a microtask, where it surfaces as an uncaught error.
 */
export function notify<T>(listeners: Iterable<(value: T) => void>, value: T): void {
  for (const listener of [...listeners]) {
    try {
      listener(value);
    } catch (thrown) {
      queueMicrotask(() => {
        throw thrown;
      });
    }
  }
}
