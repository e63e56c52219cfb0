import type { ConnectionReason } from "./reasons";
import type { ConnectionStatus } from "./types";

/**
 * What the connection is doing while in a status:
 * - `idle`: nothing in progress (idle, closed, failed, or waiting for the network);
 * - `waiting`: a connection attempt is scheduled (now, or after a backoff delay);
 * - `preparing`: getting a usable URL and letting a socket we closed finish closing;
 * - `opening`: a socket exists and its upgrade is under way;
 * - `open`: the stream is open.
 */
export type ConnectionStep = "idle" | "waiting" | "preparing" | "opening" | "open";

/** Everything the state machine decides on. Immutable: every transition returns a new object. */
export interface MachineState {
  status: ConnectionStatus;
  step: ConnectionStep;
  /** Bumped whenever a scheduled or running attempt must be forgotten; results carry it back. */
  generation: number;
  /** Consecutive failed attempts since the last successful open. */
  attempt: number;
  nextRetryAt: number | null;
  reason: ConnectionReason | null;
  lastCloseCode: number | null;
  error: Error | null;
  online: boolean;
}

/** A message (or, with its `frame`, a reply) handed to the socket. */
export interface SentFrame {
  id: string;
  bytes: number;
  /**
   * The encoded frame, kept where it may have to be sent again as is: a reply (replies are not
   * outbox entries), and with a delivery protocol every message, whose outbox entry may be
   * pruned before the agent acknowledges it.
   */
  frame?: string;
}

/** What happened: an app command, a timer, a provider answer, a socket or network event. */
export type MachineEvent =
  | { type: "connect"; online: boolean }
  | { type: "reconnect"; online: boolean }
  | { type: "close" }
  /** `send()` queued a message: after the agent ended the stream, that reopens it. */
  | { type: "message-queued"; online: boolean }
  /** `canCancel`: the codec has a cancel frame and the socket can take it. */
  | { type: "stop"; canCancel: boolean }
  | { type: "attempt-due"; generation: number }
  /**
   * A URL is ready to open; `expired` when it no longer keeps the safety margin, with the time
   * it had left (`remainingMs`) for the error message.
   */
  | { type: "url-ready"; generation: number; expired: boolean; remainingMs?: number }
  | { type: "url-failed"; generation: number; error: Error; timedOut?: boolean }
  | { type: "socket-error"; error: Error }
  | { type: "no-websocket"; error: Error }
  | { type: "socket-open" }
  /** The upgrade got no answer in time. */
  | { type: "handshake-timeout" }
  /** The stream stayed open long enough to count as healthy: the backoff starts over. */
  | { type: "stream-healthy" }
  | {
      type: "socket-closed";
      code: number;
      peerReason: string;
      wasOpen: boolean;
      streamAgeMs: number | undefined;
      idleMs: number | undefined;
      /** The last message handed to that socket, if any. */
      lastSent: SentFrame | null;
      /** Messages the agent did not take (see `confirmed`). */
      unread: SentFrame[];
      /**
       * `unread` are the messages the agent did not acknowledge: send them again whatever the
       * code. Otherwise they are those sent after its last frame, sent again after a 1000 only.
       */
      confirmed: boolean;
      /**
       * Messages or replies are queued for the next stream: sent while this one was closing (the
       * socket no longer took frames), or while it was not open yet.
       */
      waiting: boolean;
    }
  | { type: "online-changed"; online: boolean };

/** What the connection must do for a transition. The reducer only describes; the class acts. */
export type MachineEffect =
  /** Run an attempt after `delay` ms, or in a microtask for `"now"`; replaces a pending one. */
  | { type: "schedule-attempt"; delay: number | "now"; generation: number }
  /** Get a usable URL (ready, or from the provider), then report `url-ready` or `url-failed`. */
  | { type: "prepare-url"; generation: number; attempt: number }
  | { type: "open-socket"; generation: number }
  /** Close our socket ourselves and stop listening to it. */
  | { type: "drop-socket"; reason: string }
  /** Abandon the provider request in flight, if any (a later attempt must not join it). */
  | { type: "abort-url" }
  /** Forget the ready URL: it was refused or is about to expire. */
  | { type: "discard-url" }
  | { type: "fail-message"; frame: SentFrame }
  /** Queue `sent` messages (and replies) again, ahead of newer ones: the agent never read them. */
  | { type: "requeue"; frames: SentFrame[] }
  /**
   * The stream opened: send what is queued, start prefetching the next URL and the heartbeat,
   * and report `stream-healthy` once it has stayed open long enough.
   */
  | { type: "stream-opened" }
  | { type: "send-cancel" }
  | { type: "watch-online" }
  /** Shut everything down: timers, the provider request, online listening. */
  | { type: "shut-down" };

/** The numbers the machine decides with (already validated). */
export interface MachinePolicy {
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
  streamLifetimeMs: number;
  idleTimeoutMs: number;
}

/** The world a transition sees, passed in so the reducer stays pure. */
export interface MachineEnv {
  now: number;
  /** A uniform draw in [0, 1) for the backoff's full jitter. */
  jitter: number;
  policy: MachinePolicy;
}

/** The result of one transition. */
export interface Transition {
  state: MachineState;
  effects: MachineEffect[];
}
