import type { AgentEvent, Codec, StreamDecoder } from "../codecs/types";
import { notify } from "../core/listeners";
import { receiveFrame } from "./decode-frame";

/**
 * Keeps what a socket delivers in the order it arrived when some frames must wait (a codec
 * loading its decoder): a step runs at once while nothing waits, else after every earlier one.
 */
export class InboundOrder {
  #tail: Promise<void> | null = null;
  #pending = 0;

  /**
   * Runs `step` once `ready` (if any) settled and every step pushed before it ran. With nothing
   * to wait for, it runs now, synchronously.
   */
  push(ready: Promise<void> | undefined, step: () => void): void {
    if (this.#pending === 0 && ready === undefined) {
      step();
      return;
    }
    this.#pending += 1;
    const previous = this.#tail ?? Promise.resolve();
    const next = previous
      .then(() => ready)
      .then(() => {
        this.#pending -= 1;
        if (this.#pending === 0) this.#tail = null;
        try {
          step();
        } catch {
          // A step reports its own failures; the ones after it still run.
        }
      });
    this.#tail = next;
  }
}

/** What {@link InboundFrames} needs from its connection. */
export interface InboundFramesOptions {
  codec: Codec<unknown>;
  maxBytes: number;
  /** Changes whenever the socket is replaced or forgotten. */
  serial: () => number;
  listeners: Set<(event: AgentEvent) => void>;
}

/**
 * A connection's incoming side: decodes frames, delivers their events in arrival order (also
 * when a codec makes a frame wait), and runs the socket's close after its frames. Events of a
 * socket that was replaced meanwhile are not delivered. With a codec that has `createDecoder`,
 * each socket gets a decoder of its own, made at its first frame, so nothing a frame left
 * unfinished (half a UTF-8 character) leaks into the next stream.
 */
export class InboundFrames {
  readonly #order = new InboundOrder();
  readonly #options: InboundFramesOptions;
  #decoder: StreamDecoder | undefined;
  #decoderSocket = -1;

  constructor(options: InboundFramesOptions) {
    this.#options = options;
  }

  message(data: unknown): void {
    const { codec, maxBytes, serial, listeners } = this.#options;
    const socket = serial();
    const received = receiveFrame(codec, data, maxBytes, this.#decoderFor(socket));
    this.#order.push(received.ready, () => {
      if (serial() !== socket) return;
      for (const event of received.decode()) {
        // A listener may close or replace the socket; the rest of a stale frame is not delivered.
        if (serial() !== socket) return;
        notify(listeners, event);
      }
    });
  }

  #decoderFor(socket: number): StreamDecoder {
    if (socket !== this.#decoderSocket || this.#decoder === undefined) {
      this.#decoderSocket = socket;
      const { codec } = this.#options;
      try {
        this.#decoder = codec.createDecoder?.() ?? codec;
      } catch {
        // A codec whose createDecoder() throws decodes frame by frame.
        this.#decoder = codec;
      }
    }
    return this.#decoder;
  }

  /** Runs `handle` after the frames received so far, unless the socket was replaced by then. */
  close(handle: () => void): void {
    const socket = this.#options.serial();
    this.#order.push(undefined, () => {
      if (this.#options.serial() === socket) handle();
    });
  }
}
