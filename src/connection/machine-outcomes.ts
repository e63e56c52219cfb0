import { jitteredDelay, resolvedCeiling } from "./backoff";
import type { MachineEffect, MachineEnv, MachineState, Transition } from "./machine-types";
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

/** `state` with `changes`, and the effects to carry out. */
export function moveTo(
  state: MachineState,
  changes: Partial<MachineState>,
  ...effects: MachineEffect[]
): Transition {
  return { state: { ...state, ...changes }, effects };
}

/** Nothing applies: the same state object, nothing to do. */
export const unchanged = (state: MachineState): Transition => ({ state, effects: [] });

/** `next` with `effects` carried out before its own. */
export function precededBy(next: Transition, ...effects: MachineEffect[]): Transition {
  return { state: next.state, effects: [...effects, ...next.effects] };
}

/** Rests until the network is back (going online tries again). */
export const waitForNetwork = (state: MachineState): Transition =>
  moveTo(state, { step: "idle", nextRetryAt: null, reason: "offline" });

/** A new attempt at once: a new generation (the pending one is forgotten), scheduled now. */
export function attemptNow(state: MachineState, changes: Partial<MachineState>): Transition {
  const generation = state.generation + 1;
  return moveTo(
    state,
    { step: "waiting", generation, nextRetryAt: null, ...changes },
    { type: "schedule-attempt", delay: "now", generation },
  );
}

/** Connects now with the backoff reset, watching online/offline. */
export function startOver(
  state: MachineState,
  status: "connecting" | "reconnecting",
  online: boolean,
): Transition {
  const next = attemptNow(state, { status, attempt: 0, reason: null, error: null, online });
  return precededBy(next, { type: "watch-online" });
}

/**
 * Ends everything: `closed` by the app, `idle` when the agent ended the stream, or `failed`
 * for good (the failed attempts stay counted).
 */
export function shutDown(
  state: MachineState,
  status: "closed" | "failed" | "idle",
  reason: ConnectionReason,
  error: Error | null,
  extra: Partial<MachineState> = {},
): Transition {
  return moveTo(
    state,
    {
      status,
      step: "idle",
      generation: state.generation + 1,
      attempt: status === "failed" ? state.attempt : 0,
      nextRetryAt: null,
      reason,
      error,
      ...extra,
    },
    { type: "drop-socket", reason: "closed" },
    { type: "shut-down" },
  );
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
  const failed = { ...state, status, attempt, error, generation, ...closeCode };
  if (!state.online) return waitForNetwork(failed);
  const delay = jitteredDelay(resolvedCeiling(attempt, env.policy), env.jitter);
  return moveTo(
    failed,
    { step: "waiting", nextRetryAt: env.now + delay, reason },
    { type: "schedule-attempt", delay, generation },
  );
}

/** A service limit ended the stream: reconnect at once on the same session; not a failure. */
export function resume(state: MachineState, reason: ConnectionReason, code: number): Transition {
  return attemptNow(state, { status: "reconnecting", reason, lastCloseCode: code, error: null });
}

/**
 * The agent ended the stream (1000): the run is over, the conversation is not. The connection
 * rests `idle` (nothing runs), and the next message reopens it on the same session.
 */
export function agentEnded(state: MachineState, code: number): Transition {
  return shutDown(state, "idle", "agent-closed", null, { lastCloseCode: code });
}
