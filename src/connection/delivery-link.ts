import { ACK_AFTER_MS, ACK_EVERY_FRAMES, DeliveryState, messageFrame } from "./delivery";
import type { DeliveryChannel, DeliveryIo, DeliveryProtocol } from "./types";

/** Shown when the agent could not replay what the client missed. */
export const RESUME_UNAVAILABLE = {
  evicted: "The agent no longer had the part of the answer sent while the stream was down.",
  "agent-restarted": "The agent restarted and lost the answer in progress.",
} as const;

/**
 * The `acr-delivery/1` protocol on a connection's sockets (docs/delivery.md): opens every
 * stream with `@resume`, holds messages until the agent's `@hello`, unwraps envelopes (dropping
 * replays already applied), marks messages delivered on `@got`, and acknowledges what it
 * applied at most every {@link ACK_EVERY_FRAMES} envelopes or {@link ACK_AFTER_MS}.
 */
export class DeliveryLink implements DeliveryChannel {
  /** Where the client stands; `persist` restores `epoch` and `applied` before the first stream. */
  readonly state = new DeliveryState();
  readonly #io: DeliveryIo;

  constructor(io: DeliveryIo) {
    this.#io = io;
  }

  /** Whether messages may go out on the current stream (the agent's `@hello` came). */
  get ready(): boolean {
    return this.state.ready;
  }

  /** The frame for a message or reply: the codec's frame in a `@msg` envelope. */
  wrap(id: string, frame: string): string {
    return messageFrame(id, frame);
  }

  /** A stream opened: `@resume` goes first. */
  opened(): void {
    this.#io.send(this.state.resumeFrame());
  }

  /** The stream closed: messages wait for the next `@hello`; a pending ack is dropped. */
  closed(): void {
    this.state.streamClosed();
    this.#io.clearTimer();
  }

  /** An `@ack` of what is applied: the agent reads nothing else, and it is harmless twice. */
  heartbeatFrame(): string {
    return `@ack ${this.state.acknowledgeable()}`;
  }

  /** The frames up to `applied` are saved (`persist`): they may be acknowledged now. */
  durable(applied: number): void {
    this.state.durable = applied;
    this.#sendAck();
  }

  /** Reads a frame from the agent: the codec's frame inside an envelope, else `undefined`. */
  receive(data: unknown): string | undefined {
    const { emit, flush } = this.#io;
    if (typeof data !== "string") {
      emit({ type: "error", message: "A binary frame is not a delivery frame", code: "delivery" });
      return undefined;
    }
    const frame = this.state.receive(data);
    switch (frame.type) {
      case "payload":
        this.#scheduleAck();
        return frame.payload;
      case "hello":
        if (frame.unavailable) {
          const message = RESUME_UNAVAILABLE[frame.unavailable];
          emit({ type: "resume-unavailable", reason: frame.unavailable, message });
        }
        flush();
        return undefined;
      case "got":
        this.#io.delivered(frame.id);
        return undefined;
      case "unreadable":
        emit({ type: "error", message: frame.reason, code: "delivery" });
        return undefined;
      default:
        return undefined;
    }
  }

  #scheduleAck(): void {
    if (this.state.unacknowledged >= ACK_EVERY_FRAMES) return this.#sendAck();
    if (this.state.unacknowledged === 1) this.#io.setTimer(ACK_AFTER_MS, () => this.#sendAck());
  }

  #sendAck(): void {
    this.#io.clearTimer();
    const frame = this.state.ackFrame();
    if (frame) this.#io.send(frame);
  }
}

/**
 * The `acr-delivery/1` protocol for a connection: `delivery: deliveryProtocol()`.
 * Only for agents that speak it (docs/delivery.md).
 */
export function deliveryProtocol(): DeliveryProtocol {
  return (io) => new DeliveryLink(io);
}
