import type { ConnectionReason } from "./reasons";

/** Close codes the policy names. */
export const CLOSE_CODES = {
  normal: 1000,
  goingAway: 1001,
  noStatus: 1005,
  abnormal: 1006,
  policyViolation: 1008,
  messageTooBig: 1009,
  internalError: 1011,
} as const;

/** Default longest stream life on the service (ms): 60 minutes. */
export const DEFAULT_STREAM_LIFETIME_MS = 60 * 60 * 1000;
/** Default idle timeout on the service (ms): 900 seconds. */
export const DEFAULT_IDLE_TIMEOUT_MS = 900 * 1000;
/**
 * How close to a service limit a close must come to be taken as that limit: the service's
 * clock and ours disagree by a network round trip or so, never by this much.
 */
export const SERVICE_LIMIT_TOLERANCE_MS = 30_000;

/** What the connection knows about the stream that closed. */
export interface CloseContext {
  /** Whether the socket had opened (a close before open is a failed attempt, whatever the code). */
  wasOpen?: boolean;
  /** How long the stream was open (ms). */
  streamAgeMs?: number;
  /** How long the stream carried no frame either way before it closed (ms). */
  idleMs?: number;
  /** The service's stream lifetime (ms). Default 60 min. */
  streamLifetimeMs?: number;
  /** The service's idle timeout (ms). Default 900 s. */
  idleTimeoutMs?: number;
}

/**
 * What to do after a close:
 * - `final`: the agent ended the stream; the connection rests `idle` and the next `send()`
 *   reopens it (only the app's `close()` makes it `closed`).
 * - `retry`: reconnect after a backoff delay; counts as a failed attempt.
 * - `resume`: reconnect at once on the same session; not a failure (a service limit).
 */
export type CloseAction = "final" | "retry" | "resume";

/** The policy's decision for one close. */
export interface CloseDecision {
  action: CloseAction;
  /** Drop the cached presigned URL and fetch a fresh one before reconnecting (1008). */
  discardUrl: boolean;
  /** Mark the last message sent on that socket `failed` (1009). */
  failLastSent: boolean;
  /** Why, as a code for the snapshot. */
  reason: ConnectionReason;
}

/** Why a stream closed, for the close codes that mean more than "unexpectedly". */
const RETRY_REASONS: Partial<Record<number, ConnectionReason>> = {
  [CLOSE_CODES.goingAway]: "going-away",
  [CLOSE_CODES.abnormal]: "connection-lost",
  [CLOSE_CODES.internalError]: "server-error",
};

function decision(
  action: CloseAction,
  reason: ConnectionReason,
  extra: Partial<CloseDecision> = {},
): CloseDecision {
  return { action, discardUrl: false, failLastSent: false, reason, ...extra };
}

/**
 * The close-code policy, as a pure function so it can be tested and documented as a table:
 *
 * | close | action |
 * | --- | --- |
 * | any code before the socket opened | `retry`, discard the cached URL and re-presign first |
 * | 1008 policy violation | `retry`, discard the cached URL and re-presign first |
 * | 1009 message too big | `retry`, mark the last sent message `failed` |
 * | any other code once the stream reached the 60-min lifetime or 900 s idle timeout | `resume` |
 * | 1000 from the agent | `final` for the stream: the connection rests idle, the next send reopens |
 * | 1001, 1005, 1006, 1011 and every other code | `retry` |
 */
export function classifyClose(code: number, context: CloseContext = {}): CloseDecision {
  if (code === CLOSE_CODES.policyViolation) {
    return decision("retry", "policy-violation", { discardUrl: true });
  }
  // A browser sees a refused upgrade (an expired or revoked URL: 403) as a plain 1006, so a
  // stream that never opened gets a fresh URL: retrying the same one could fail until it expires.
  if (context.wasOpen === false) {
    return decision("retry", "not-opened", { discardUrl: true });
  }
  if (code === CLOSE_CODES.messageTooBig) {
    return decision("retry", "message-too-big", { failLastSent: true });
  }
  const { streamAgeMs, idleMs } = context;
  const lifetime = context.streamLifetimeMs ?? DEFAULT_STREAM_LIFETIME_MS;
  const idleTimeout = context.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  if (streamAgeMs !== undefined && streamAgeMs >= lifetime - SERVICE_LIMIT_TOLERANCE_MS) {
    return decision("resume", "stream-lifetime");
  }
  if (idleMs !== undefined && idleMs >= idleTimeout - SERVICE_LIMIT_TOLERANCE_MS) {
    return decision("resume", "idle-timeout");
  }
  if (code === CLOSE_CODES.normal) return decision("final", "agent-closed");
  return decision("retry", RETRY_REASONS[code] ?? "closed-unexpectedly");
}
