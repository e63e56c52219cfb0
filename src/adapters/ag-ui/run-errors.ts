import { EventType, type RunErrorEvent } from "@ag-ui/client";
import type { ConnectionSnapshot } from "../../connection/types";

/**
 * The `code` of the `RUN_ERROR` events the adapter itself ends a run with (the agent's own
 * `RUN_ERROR` events pass through as they are).
 */
export type AgentCoreRunErrorCode =
  /** The connection dropped after the run was sent and before it finished. */
  | "interrupted"
  /** The run could not be sent: too big for a frame, the outbox full, refused (1009). */
  | "send-failed"
  /** The connection gave up (`retry.maxAttempts`), or has no WebSocket. */
  | "connection-failed"
  /** The app closed the agent (`close()`) during the run. */
  | "closed"
  /** A frame from the agent was not AG-UI events. */
  | "malformed-frame"
  /** Another run of this agent is still in progress. */
  | "run-in-progress";

/** A `RUN_ERROR` the adapter ends a run with. */
export function runError(code: AgentCoreRunErrorCode, message: string): RunErrorEvent {
  return { type: EventType.RUN_ERROR, message, code };
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** "The run could not be sent: ..." */
export function sendFailed(error: unknown): RunErrorEvent {
  return runError("send-failed", `The run could not be sent: ${errorText(error)}`);
}

/** What ends a run when the connection cannot carry it any more, or `null` while it can. */
export function connectionEnd(
  snapshot: ConnectionSnapshot<unknown>,
  sent: boolean,
): RunErrorEvent | null {
  const { status, reason, lastCloseCode, nextRetryAt, error } = snapshot;
  if (status === "closed") return runError("closed", "The run ended: the agent was closed");
  if (status === "failed") {
    const why = error ? errorText(error) : (reason ?? "gave up");
    return runError("connection-failed", `The connection to the agent failed: ${why}`);
  }
  if (!sent || status === "open") return null;
  // The reason code and close code, e.g. "connection-lost, 1006" (describeReason() has English).
  const why = [reason, lastCloseCode].filter((part) => part !== null).join(", ");
  const lost = why ? `the stream closed (${why})` : "the stream closed";
  const seconds = nextRetryAt === null ? 0 : Math.ceil((nextRetryAt - Date.now()) / 1000);
  const next =
    status === "idle" ? "" : seconds > 0 ? `; reconnecting in ${seconds} s` : "; reconnecting";
  return runError("interrupted", `The run was interrupted before it finished: ${lost}${next}.`);
}
