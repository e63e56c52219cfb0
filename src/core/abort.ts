/** The reason an aborted signal carries, or a standard `AbortError` when it carries none. */
export function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The operation was aborted", "AbortError");
}

/** Throws the signal's abort reason when it has been aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}

/**
 * Runs `task` with a signal that aborts when `outer` aborts or `timeoutMs` passes, and settles
 * as soon as either happens even if `task` ignores its signal (a custom `fetch` might).
 * An outer abort rejects with the outer reason; the timeout rejects with `onTimeout()`.
 */
export function withDeadline<T>(
  outer: AbortSignal | undefined,
  timeoutMs: number,
  onTimeout: () => Error,
  task: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  if (outer?.aborted) return Promise.reject(abortReason(outer));
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const fail = (reason: unknown) => {
      cleanup();
      controller.abort(reason);
      reject(reason);
    };
    const onOuterAbort = () => {
      if (outer) fail(abortReason(outer));
    };
    const timer = setTimeout(() => fail(onTimeout()), timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      outer?.removeEventListener("abort", onOuterAbort);
    };
    outer?.addEventListener("abort", onOuterAbort, { once: true });
    task(controller.signal).then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}

/**
 * Settles with `promise`, or rejects with the abort reason as soon as `signal` aborts. The
 * promise itself keeps running (it may be shared with other callers).
 */
export function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
