/**
 * The client side of the `acr-delivery/1` protocol (docs/delivery.md): message envelopes, the
 * `@resume` that opens every stream, the agent's `@hello`, `@got` and sequenced envelopes, and
 * the periodic `@ack`. Framework-free; the connection owns one when `delivery` is on.
 */

import type { AgentEvent } from "../codecs/types";
import type { DeliveryPosition } from "./persistence-port";

/** Why the agent could not replay what the client missed. */
export type ResumeUnavailableReason = Extract<AgentEvent, { type: "resume-unavailable" }>["reason"];

/** What one frame from the agent meant. */
export type DeliveredFrame =
  /** An envelope to apply: the codec's frame inside it. */
  | { type: "payload"; payload: string }
  /** The agent answered `@resume`: messages may go out; `unavailable` when frames were lost. */
  | { type: "hello"; unavailable?: ResumeUnavailableReason }
  /** The agent has the message `id`. */
  | { type: "got"; id: string }
  /** An envelope already applied (replayed twice): dropped. */
  | { type: "duplicate" }
  /** Not a frame of the protocol. */
  | { type: "unreadable"; reason: string };

/** Acknowledge after this many applied envelopes… */
export const ACK_EVERY_FRAMES = 32;
/** …or this long after the first unacknowledged one (ms). */
export const ACK_AFTER_MS = 1_000;

const SEQUENCE = /^(0|[1-9][0-9]{0,15}):/;

/** The `@msg` frame for a message (or reply) with the outbox id `id`. */
export function messageFrame(id: string, payload: string): string {
  return `@msg ${id} ${payload}`;
}

/**
 * What the client knows of the agent's stream of envelopes on one session: the agent's epoch
 * and the last sequence applied (kept across streams), and whether the current stream's
 * `@hello` came (messages wait for it).
 */
export class DeliveryState implements DeliveryPosition {
  /** The agent's epoch from its last `@hello`, or `null` before one (a reload may restore it). */
  epoch: string | null = null;
  /** The last sequence applied (a reload may restore it with `epoch`). */
  applied = 0;
  /**
   * With `persist` on, the last applied sequence durably saved: the client acknowledges (and
   * resumes from) nothing beyond it, so a reload finds in the agent's buffer what it did not save.
   */
  durable = Infinity;
  #acked = 0;
  #ready = false;

  /** Whether the agent answered this stream's `@resume`. */
  get ready(): boolean {
    return this.#ready;
  }

  /** The frame that opens a stream; messages wait for the agent's `@hello`. */
  resumeFrame(): string {
    this.#ready = false;
    this.#acked = this.acknowledgeable();
    return `@resume ${this.epoch ?? "-"} ${this.#acked}`;
  }

  /** What the client may acknowledge: what it applied (and saved, with `persist` on). */
  acknowledgeable(): number {
    return Math.min(this.applied, this.durable);
  }

  /** The stream closed: messages wait for the next one's `@hello`. */
  streamClosed(): void {
    this.#ready = false;
  }

  /** Envelopes applied and not acknowledged yet. */
  get unacknowledged(): number {
    return this.applied - this.#acked;
  }

  /** The `@ack` frame for what was applied, or `null` when nothing new was. */
  ackFrame(): string | null {
    const upTo = this.acknowledgeable();
    if (upTo <= this.#acked) return null;
    this.#acked = upTo;
    return `@ack ${upTo}`;
  }

  /** Reads one frame from the agent. */
  receive(frame: string): DeliveredFrame {
    const sequence = SEQUENCE.exec(frame);
    if (sequence) {
      const seq = Number(sequence[1]);
      if (seq <= this.applied) return { type: "duplicate" };
      this.applied = seq;
      return { type: "payload", payload: frame.slice(sequence[0].length) };
    }
    const [kind, first, second, ...rest] = frame.split(" ");
    if (kind === "@got" && first && second === undefined) return { type: "got", id: first };
    if (kind === "@hello" && first && second !== undefined && rest.length === 0) {
      const seq = Number(second);
      if (Number.isSafeInteger(seq) && seq >= 0) return this.#hello(first, seq);
    }
    return { type: "unreadable", reason: `not a delivery frame: ${frame.slice(0, 40)}` };
  }

  #hello(epoch: string, seq: number): DeliveredFrame {
    let unavailable: ResumeUnavailableReason | undefined;
    if (this.epoch === null) unavailable = undefined;
    // What `@resume` said: `durable` does not move while the agent's `@hello` is awaited.
    else if (epoch !== this.epoch || seq < this.acknowledgeable()) unavailable = "agent-restarted";
    else if (seq > this.applied) unavailable = "evicted";
    this.epoch = epoch;
    // Resumed from the last saved sequence: the replay up to the last applied one is dropped.
    if (unavailable || seq > this.applied) this.applied = seq;
    this.#acked = seq;
    this.#ready = true;
    return unavailable ? { type: "hello", unavailable } : { type: "hello" };
  }
}
