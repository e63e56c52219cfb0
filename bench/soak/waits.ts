import type { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import type { ConnectionSnapshot } from "../../src/connection/types";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves once the connection's snapshot satisfies `predicate`; rejects as "stuck" after `timeoutMs`. */
export function waitForSnapshot(
  connection: AgentRuntimeConnection,
  predicate: (snapshot: ConnectionSnapshot) => boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate(connection.getSnapshot())) return resolve();
    const timer = setTimeout(() => {
      unsubscribe();
      const { status, reason, attempt } = connection.getSnapshot();
      reject(
        new Error(
          `stuck: no ${what} within ${timeoutMs} ms (${status}, attempt ${attempt}, ${reason})`,
        ),
      );
    }, timeoutMs);
    const unsubscribe = connection.subscribe(() => {
      if (!predicate(connection.getSnapshot())) return;
      clearTimeout(timer);
      unsubscribe();
      resolve();
    });
  });
}

/** Polls `check` every 10 ms until it holds; rejects as "stuck" after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`stuck: ${what} within ${timeoutMs} ms`);
    await sleep(10);
  }
}
