import { randomEpoch } from "./epoch";
import { DeliveryFrameTooLargeError } from "./errors";
import type { ResolvedAgentOptions } from "./options";
import type { PacedStream } from "./paced-stream";
import { RememberedIds } from "./remembered-ids";
import { ReplayBuffer } from "./replay-buffer";

/**
 * One runtime session as the agent delivers it: its epoch, the last sequence it used, the
 * replay buffer, the ids of the messages it accepted, and the stream attached, if any.
 * The application sends through it, whether a stream is attached or not.
 */
export class DeliverySession {
  /** The runtime session id. */
  readonly id: string;
  /** Names this session's replay buffer; a new session state (a restart) has a new one. */
  readonly epoch: string = randomEpoch();
  #lastSeq = 0;
  readonly #buffer: ReplayBuffer;
  readonly #accepted: RememberedIds;
  readonly #options: ResolvedAgentOptions;
  #stream: PacedStream | undefined;
  #ready = false;

  /** @internal Made by {@link DeliveryAgent}. */
  constructor(id: string, options: ResolvedAgentOptions) {
    this.id = id;
    this.#options = options;
    this.#buffer = new ReplayBuffer({
      maxBytes: options.maxBufferBytes,
      maxAgeMs: options.maxBufferAgeMs,
    });
    this.#accepted = new RememberedIds(options.rememberedIds);
  }

  /** The last sequence used (`0` before the first envelope). */
  get lastSeq(): number {
    return this.#lastSeq;
  }

  /** Payload bytes in the replay buffer, after dropping what is too old now. */
  get bufferedBytes(): number {
    this.#buffer.evict(this.#options.now());
    return this.#buffer.bytes;
  }

  /** Whether a stream is attached and resumed (what `send` sends goes out at once). */
  get streaming(): boolean {
    return this.#ready && this.#stream !== undefined && !this.#stream.closed;
  }

  /**
   * Sends one frame of the codec: wraps it in an envelope with the next sequence, keeps it in
   * the replay buffer, and sends it at once when a resumed stream is attached (else the next
   * stream's `@resume` replays it).
   *
   * @returns the envelope's sequence.
   * @throws {DeliveryFrameTooLargeError} when the envelope would exceed `maxFrameBytes`;
   *   nothing is sent and no sequence is used.
   */
  send(payload: string): number {
    const seq = this.#lastSeq + 1;
    const frame = `${seq}:${payload}`;
    const frameBytes = Buffer.byteLength(frame, "utf8");
    if (frameBytes > this.#options.maxFrameBytes) {
      throw new DeliveryFrameTooLargeError(frameBytes, this.#options.maxFrameBytes);
    }
    this.#lastSeq = seq;
    const payloadBytes = frameBytes - (frame.length - payload.length);
    this.#buffer.push(seq, frame, payloadBytes, this.#options.now());
    if (this.streaming) this.#stream?.send(frame);
    return seq;
  }

  /** @internal A new stream replaces the attached one (closed with 1000). */
  attach(stream: PacedStream): void {
    this.#stream?.close(1000, "replaced by a new stream");
    this.#stream = stream;
    this.#ready = false;
  }

  /** @internal The stream ended (closed, or closed for a protocol error). */
  detach(stream: PacedStream): void {
    if (this.#stream !== stream) return;
    this.#stream = undefined;
    this.#ready = false;
  }

  /** @internal `@resume <epoch> <seq>`: answers `@hello`, then replays what follows. */
  resume(stream: PacedStream, epoch: string | null, seq: number): void {
    this.#buffer.evict(this.#options.now());
    const before = (this.#buffer.oldestSeq ?? this.#lastSeq + 1) - 1;
    const resumed = epoch === this.epoch && seq <= this.#lastSeq && seq >= before;
    const from = resumed ? seq : before;
    if (resumed) this.#buffer.dropThrough(seq);
    this.#ready = true;
    stream.send(`@hello ${this.epoch} ${from}`, ...this.#buffer.framesAfter(from));
  }

  /** @internal `@ack <seq>`: the client has everything up to `<seq>`. */
  acknowledged(seq: number): void {
    this.#buffer.dropThrough(Math.min(seq, this.#lastSeq));
  }

  /** @internal Remembers a message id; false when it was accepted before (a duplicate). */
  accept(id: string): boolean {
    if (this.#accepted.has(id)) return false;
    this.#accepted.add(id);
    return true;
  }

  /** @internal Closes the attached stream, if any, with `code`. */
  closeStream(code: number, reason: string): void {
    this.#stream?.close(code, reason);
    this.#stream = undefined;
    this.#ready = false;
  }
}
