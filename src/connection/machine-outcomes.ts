import { jitteredDelay, resolvedCeiling } from "./backoff";
import type { MachineEnv, MachineState, Transition } from "./machine-types";
import type { ConnectionReason } from "./reasons";
import type { ConnectionStatus } from "./types";

/**
 * The transitions several events share: start over, shut down, count a failed attempt, resume
 * after a service limit. Pure, like the reducer that uses them.
 */

/** The state of a connection that was never opened. */
export function initialMachineState(online: boolean): MachineState {
  return {
    status: "idle",
    step: "idle",
    generation: 0,
    attempt: 0,
    nextRetryAt: null,
    reason: null,
    lastCloseCode: null,
    error: null,
    online,
  };
}

/** Connects now with the backoff reset, watching online/offline. */
export function startOver(
  state: MachineState,
  status: "connecting" | "reconnecting",
  online: boolean,
): Transition {
  const generation = state.generation + 1;
  return {
    state: {
      ...state,
      status,
      step: "waiting",
      generation,
      attempt: 0,
      nextRetryAt: null,
      reason: null,
      error: null,
      online,
    },
    effects: [{ type: "watch-online" }, { type: "schedule-attempt", delay: "now", generation }],
  };
}

/** Ends everything: `closed` by the app or the agent, or `failed` for good. */
export function shutDown(
  state: MachineState,
  status: "closed" | "failed",
  reason: ConnectionReason,
  error: Error | null,
  extra: Partial<MachineState> = {},
): Transition {
  return {
    state: {
      ...state,
      status,
      step: "idle",
      generation: state.generation + 1,
      attempt: status === "closed" ? 0 : state.attempt,
      nextRetryAt: null,
      reason,
      error,
      ...extra,
    },
    effects: [{ type: "drop-socket", reason: "closed" }, { type: "shut-down" }],
  };
}

/** One more failed attempt: back off and try again, wait for the network, or give up. */
export function attemptFailed(
  state: MachineState,
  env: MachineEnv,
  error: Error,
  reason: ConnectionReason,
  lastCloseCode?: number,
): Transition {
  const attempt = state.attempt + 1;
  const closeCode = lastCloseCode === undefined ? {} : { lastCloseCode };
  if (attempt >= env.policy.maxAttempts) {
    return shutDown({ ...state, attempt }, "failed", reason, error, closeCode);
  }
  const generation = state.generation + 1;
  // `connecting` until a stream opens: "reconnecting" would tell the user a connection was lost.
  const status: ConnectionStatus = state.status === "connecting" ? "connecting" : "reconnecting";
  const failed = { ...state, status, attempt, error, generation };
  if (!state.online) {
    return {
      state: { ...failed, step: "idle", nextRetryAt: null, reason: "offline", ...closeCode },
      effects: [],
    };
  }
  const delay = jitteredDelay(resolvedCeiling(attempt, env.policy), env.jitter);
  return {
    state: { ...failed, step: "waiting", nextRetryAt: env.now + delay, reason, ...closeCode },
    effects: [{ type: "schedule-attempt", delay, generation }],
  };
}

/** A service limit ended the stream: reconnect at once on the same session; not a failure. */
export function resume(state: MachineState, reason: ConnectionReason, code: number): Transition {
  const generation = state.generation + 1;
  return {
    state: {
      ...state,
      status: "reconnecting",
      step: "waiting",
      generation,
      nextRetryAt: null,
      reason,
      lastCloseCode: code,
      error: null,
    },
    effects: [{ type: "schedule-attempt", delay: "now", generation }],
  };
}

/**
 * The agent ended the stream (1000): the run is over, the conversation is not. The connection
 * rests `idle` (nothing runs), and the next message reopens it on the same session.
 */
export function agentEnded(state: MachineState, code: number): Transition {
  return {
    state: {
      ...state,
      status: "idle",
      step: "idle",
      generation: state.generation + 1,
      attempt: 0,
      nextRetryAt: null,
      reason: "agent-closed",
      lastCloseCode: code,
      error: null,
    },
    effects: [{ type: "drop-socket", reason: "closed" }, { type: "shut-down" }],
  };
}
