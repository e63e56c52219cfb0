import type { ConnectionReason } from "../../connection/reasons";
import type { ConnectionSnapshot, ConnectionStatus } from "../../connection/types";

/** The type of the transient data part that carries the connection's status. */
export const STATUS_PART_TYPE = "data-agentcore-status";

/**
 * The connection's status while an answer is awaited, as `useChat` hands it to `onData` (a
 * transient part: it is never stored in a message). `reconnecting` with `nextRetryAt` says when
 * the next attempt is; `reason` says why the stream is not open (`offline`,
 * `policy-violation` for expired credentials, ...; `describeReason` gives English for it).
 */
export interface AgentCoreStatusData {
  status: ConnectionStatus;
  reason: ConnectionReason | null;
  /** Epoch ms of the next reconnect attempt, or `null`. */
  nextRetryAt: number | null;
  /** Consecutive failed attempts since the last healthy stream. */
  attempt: number;
  online: boolean;
}

/** The data types this adapter's chunks carry, for `UIMessage<Metadata, AgentCoreDataTypes>`. */
export interface AgentCoreDataTypes {
  [key: string]: unknown;
  "agentcore-status": AgentCoreStatusData;
}

/** The status part of a snapshot. */
export function statusData({
  status,
  reason,
  nextRetryAt,
  attempt,
  online,
}: ConnectionSnapshot<unknown>): AgentCoreStatusData {
  return { status, reason, nextRetryAt, attempt, online };
}
