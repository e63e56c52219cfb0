import type { ConnectionSnapshot } from "../connection/types";

/** The snapshot of a conversation whose connection does not exist (yet). */
export function idleSnapshot<Outgoing>(sessionId: string): ConnectionSnapshot<Outgoing> {
  return {
    status: "idle",
    sessionId,
    attempt: 0,
    nextRetryAt: null,
    reason: null,
    lastCloseCode: null,
    error: null,
    online: true,
    outbox: [],
  };
}
