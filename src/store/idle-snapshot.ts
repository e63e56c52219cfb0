import { initialMachineState } from "../connection/machine-outcomes";
import { toSnapshot } from "../connection/snapshot";
import type { ConnectionSnapshot } from "../connection/types";

/**
 * The snapshot of a conversation whose connection does not exist (yet): what a connection
 * that was never opened shows, with an empty outbox.
 */
export function idleSnapshot<Outgoing>(sessionId: string): ConnectionSnapshot<Outgoing> {
  return toSnapshot(initialMachineState(true), sessionId, []);
}
