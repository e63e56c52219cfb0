import type { MachineState } from "./machine-types";
import type { ConnectionSnapshot, OutboxEntry } from "./types";

const SNAPSHOT_KEYS = [
  "status",
  "sessionId",
  "attempt",
  "nextRetryAt",
  "reason",
  "lastCloseCode",
  "error",
  "online",
  "outbox",
] as const satisfies ReadonlyArray<keyof ConnectionSnapshot>;

/** The public picture of a connection: the machine's state, its session id and its outbox. */
export function toSnapshot<Outgoing>(
  machine: MachineState,
  sessionId: string,
  outbox: ReadonlyArray<OutboxEntry<Outgoing>>,
): ConnectionSnapshot<Outgoing> {
  const { status, attempt, nextRetryAt, reason, lastCloseCode, error, online } = machine;
  return { status, sessionId, attempt, nextRetryAt, reason, lastCloseCode, error, online, outbox };
}

/** Whether two snapshots show the same thing, field by field. */
export function sameSnapshot<Outgoing>(
  a: ConnectionSnapshot<Outgoing>,
  b: ConnectionSnapshot<Outgoing>,
): boolean {
  return SNAPSHOT_KEYS.every((key) => a[key] === b[key]);
}
