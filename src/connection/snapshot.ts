import type { MachineState } from "./machine-types";
import type { ConnectionSnapshot, OutboxEntry } from "./types";

/** The public picture of a connection: the machine's state, its session id and its outbox. */
export function toSnapshot<Outgoing>(
  machine: MachineState,
  sessionId: string,
  outbox: ReadonlyArray<OutboxEntry<Outgoing>>,
): ConnectionSnapshot<Outgoing> {
  const { status, attempt, nextRetryAt, reason, lastCloseCode, error, online } = machine;
  return { status, sessionId, attempt, nextRetryAt, reason, lastCloseCode, error, online, outbox };
}

/** Whether two snapshots (both from {@link toSnapshot}) show the same thing, field by field. */
export function sameSnapshot<Outgoing>(
  a: ConnectionSnapshot<Outgoing>,
  b: ConnectionSnapshot<Outgoing>,
): boolean {
  return Object.keys(a).every((key) => Reflect.get(a, key) === Reflect.get(b, key));
}
