import { EventType, type CustomEvent } from "@ag-ui/client";
import type { ConnectionReason } from "../../connection/reasons";
import type { ConnectionSnapshot, ConnectionStatus } from "../../connection/types";

/** The `name` of the `CUSTOM` events that report the connection during a run. */
export const STATUS_EVENT = "agentcore.status";

/**
 * The connection under an `AgentCoreAgent`, as its `status` getter and the `value` of its
 * `CUSTOM` events named {@link STATUS_EVENT} report it.
 */
export interface AgentCoreStatus {
  /** `open` while a run can stream; `reconnecting` while waiting to try again; etc. */
  status: ConnectionStatus;
  /** Why it is not open (`offline`, `connection-lost`, `policy-violation`, ...), or `null`. */
  reason: ConnectionReason | null;
  /** Epoch ms of the next attempt while waiting on the backoff, else `null`. */
  nextRetryAt: number | null;
  /** `false` while the browser reports being offline. */
  online: boolean;
  /** The last provider or socket error (an expired or refused URL, ...), or `null`. */
  error: Error | null;
}

/** The status part of a connection snapshot. */
export function toStatus(snapshot: ConnectionSnapshot<unknown>): AgentCoreStatus {
  const { status, reason, nextRetryAt, online, error } = snapshot;
  return { status, reason, nextRetryAt, online, error };
}

/** Whether two statuses say the same (the error compared by identity). */
export function sameStatus(a: AgentCoreStatus, b: AgentCoreStatus): boolean {
  return (
    a.status === b.status &&
    a.reason === b.reason &&
    a.nextRetryAt === b.nextRetryAt &&
    a.online === b.online &&
    a.error === b.error
  );
}

/** The `CUSTOM` event that reports `status` in a run's stream. */
export function statusEvent(status: AgentCoreStatus): CustomEvent {
  const value = { ...status, error: status.error?.message ?? null };
  return { type: EventType.CUSTOM, name: STATUS_EVENT, value };
}
