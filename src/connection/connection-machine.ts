import { AgentRuntimeProviderError } from "../providers/errors";
import { classifyClose } from "./close-policy";
import { AgentRuntimeSocketClosedError } from "./errors";
import type {
  MachineEffect,
  MachineEnv,
  MachineEvent,
  MachineState,
  Transition,
} from "./machine-types";
import {
  precededBy,
  agentEnded,
  attemptFailed,
  attemptNow,
  initialMachineState,
  moveTo,
  resume,
  shutDown,
  startOver,
  unchanged,
  waitForNetwork,
} from "./machine-outcomes";
import type { ConnectionStatus } from "./types";

export { initialMachineState };

const isWaitingToConnect = (status: ConnectionStatus): boolean =>
  status === "connecting" || status === "reconnecting";

function onConnect(state: MachineState, online: boolean): Transition {
  if (isWaitingToConnect(state.status) || state.status === "open") return unchanged(state);
  return startOver(state, "connecting", online);
}

function onReconnect(state: MachineState, online: boolean): Transition {
  const status = state.status === "open" || state.status === "reconnecting";
  return precededBy(
    startOver(state, status ? "reconnecting" : "connecting", online),
    { type: "drop-socket", reason: "reconnecting" },
    { type: "abort-url" },
  );
}

function onStop(state: MachineState, canCancel: boolean): Transition {
  if (state.step !== "open") return unchanged(state);
  if (canCancel) return moveTo(state, {}, { type: "send-cancel" });
  return precededBy(attemptNow(state, { status: "reconnecting", reason: "stopped" }), {
    type: "drop-socket",
    reason: "stopped",
  });
}

function onAttemptDue(state: MachineState, generation: number): Transition {
  if (generation !== state.generation || state.step !== "waiting") return unchanged(state);
  if (!state.online) return waitForNetwork(state);
  return moveTo(
    state,
    { step: "preparing", nextRetryAt: null },
    { type: "prepare-url", generation, attempt: state.attempt },
  );
}

function onUrlReady(
  state: MachineState,
  env: MachineEnv,
  event: { generation: number; expired: boolean; remainingMs?: number },
): Transition {
  if (event.generation !== state.generation || state.step !== "preparing") {
    return unchanged(state);
  }
  // The network may have gone while the provider answered; going online tries again.
  if (!state.online) return waitForNetwork(state);
  if (event.expired) {
    const left =
      event.remainingMs === undefined ? "" : ` (${Math.round(event.remainingMs)} ms left)`;
    const message = `The URL provider answered with a URL that expires within urlSafetyMarginMs${left}`;
    const error = new AgentRuntimeProviderError(message, { code: "expired-url" });
    return precededBy(attemptFailed(state, env, error, "expired-url"), { type: "discard-url" });
  }
  return moveTo(state, { step: "opening" }, { type: "open-socket", generation: state.generation });
}

function onSocketError(state: MachineState, env: MachineEnv, error: Error): Transition {
  if (state.step !== "opening") return unchanged(state);
  return precededBy(attemptFailed(state, env, error, "socket-error"), { type: "discard-url" });
}

/**
 * The upgrade succeeded. The failed-attempt count stays until the stream proves healthy: a
 * runtime that accepts and closes at once must meet a growing backoff, not a reset one.
 */
function onSocketOpen(state: MachineState): Transition {
  if (state.step !== "opening") return unchanged(state);
  return moveTo(
    state,
    { status: "open", step: "open", nextRetryAt: null, reason: null, error: null },
    { type: "stream-opened" },
  );
}

function onStreamHealthy(state: MachineState): Transition {
  if (state.step !== "open" || state.attempt === 0) return unchanged(state);
  return moveTo(state, { attempt: 0 });
}

function onHandshakeTimeout(state: MachineState, env: MachineEnv): Transition {
  if (state.step !== "opening") return unchanged(state);
  const error = new AgentRuntimeSocketClosedError(1006, "", "The upgrade got no answer in time");
  return precededBy(attemptFailed(state, env, error, "handshake-timeout"), {
    type: "drop-socket",
    reason: "handshake timeout",
  });
}

function onSocketClosed(
  state: MachineState,
  env: MachineEnv,
  event: Extract<MachineEvent, { type: "socket-closed" }>,
): Transition {
  if (state.step !== "opening" && state.step !== "open") return unchanged(state);
  const { code, wasOpen } = event;
  const decision = classifyClose(code, {
    wasOpen,
    streamAgeMs: event.streamAgeMs,
    idleMs: event.idleMs,
    streamLifetimeMs: env.policy.streamLifetimeMs,
    idleTimeoutMs: env.policy.idleTimeoutMs,
  });
  const before: MachineEffect[] = [];
  if (decision.failLastSent && event.lastSent) {
    before.push({ type: "fail-message", frame: event.lastSent });
  }
  if (decision.discardUrl) before.push({ type: "discard-url" });
  // What the agent never took goes out again on the next stream (a 1009 one stays failed).
  const failed = decision.failLastSent ? event.lastSent?.id : undefined;
  const frames = event.unread.filter((frame) => frame.id !== failed);
  let next: Transition;
  if (decision.action === "final") {
    next = agentEnded(state, code);
    // A message the agent never read, or one sent while it was closing, needs a stream.
    if (frames.length > 0 || event.waiting) {
      const requeue: MachineEffect[] = frames.length > 0 ? [{ type: "requeue", frames }] : [];
      next = precededBy(
        startOver(next.state, "connecting", state.online),
        ...next.effects,
        ...requeue,
      );
    }
  } else if (decision.action === "resume") {
    next = resume(state, decision.reason, code);
  } else {
    const message = `The stream closed (${code}, ${decision.reason})`;
    const error = new AgentRuntimeSocketClosedError(code, event.peerReason, message);
    next = attemptFailed(state, env, error, decision.reason, code);
  }
  if (event.confirmed && frames.length > 0 && decision.action !== "final") {
    before.push({ type: "requeue", frames });
  }
  return precededBy(next, ...before);
}

function onOnlineChanged(state: MachineState, online: boolean): Transition {
  if (online === state.online) return unchanged(state);
  const waiting = isWaitingToConnect(state.status);
  if (!online) {
    if (!waiting) return moveTo(state, { online });
    // A scheduled attempt is pointless offline; one under way finishes and then waits.
    const cancel =
      state.step === "waiting" ? { step: "idle" as const, generation: state.generation + 1 } : {};
    return moveTo(state, { online, nextRetryAt: null, reason: "offline", ...cancel });
  }
  if (!waiting || state.step === "opening") return moveTo(state, { online });
  return attemptNow(state, { online });
}

/**
 * The connection's state machine as a pure function: the next state and the effects the
 * connection must carry out. Events that do not apply to the current state leave it unchanged
 * (a result of a forgotten attempt, a socket event while no socket is current).
 * docs/architecture.md shows it as a table.
 */
export function transition(state: MachineState, event: MachineEvent, env: MachineEnv): Transition {
  switch (event.type) {
    case "connect":
      return onConnect(state, event.online);
    case "reconnect":
      return onReconnect(state, event.online);
    case "close":
      return shutDown(state, "closed", "closed", null);
    case "message-queued":
      if (state.status !== "idle" || state.reason !== "agent-closed") return unchanged(state);
      return startOver(state, "connecting", event.online);
    case "stop":
      return onStop(state, event.canCancel);
    case "attempt-due":
      return onAttemptDue(state, event.generation);
    case "url-ready":
      return onUrlReady(state, env, event);
    case "url-failed":
      if (event.generation !== state.generation || state.step !== "preparing") {
        return unchanged(state);
      }
      return attemptFailed(
        state,
        env,
        event.error,
        event.timedOut ? "provider-timeout" : "provider-failed",
      );
    case "socket-error":
      return onSocketError(state, env, event.error);
    case "no-websocket":
      if (state.step !== "opening") return unchanged(state);
      return shutDown(state, "failed", "no-websocket", event.error);
    case "socket-open":
      return onSocketOpen(state);
    case "handshake-timeout":
      return onHandshakeTimeout(state, env);
    case "stream-healthy":
      return onStreamHealthy(state);
    case "socket-closed":
      return onSocketClosed(state, env, event);
    case "online-changed":
      return onOnlineChanged(state, event.online);
  }
}
