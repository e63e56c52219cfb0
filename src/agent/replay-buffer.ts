/** One envelope kept for replay. */
interface Kept {
  readonly seq: number;
  /** The whole frame, `<seq>:<payload>`, sent again unchanged. */
  readonly frame: string;
  /** UTF-8 bytes of the payload: what `maxBufferBytes` counts. */
  readonly bytes: number;
  /** When it was sent (the agent's clock, ms). */
  readonly at: number;
}

/** Bounds of a {@link ReplayBuffer}. */
export interface ReplayBounds {
  readonly maxBytes: number;
  readonly maxAgeMs: number;
}

/**
 * The envelopes a session sent and the client has not acknowledged, in sequence order,
 * bounded by payload bytes and by age: the oldest go first.
 */
export class ReplayBuffer {
  #kept: Kept[] = [];
  #head = 0;
  #bytes = 0;
  readonly #bounds: ReplayBounds;

  constructor(bounds: ReplayBounds) {
    this.#bounds = bounds;
  }

  /** Payload bytes kept. */
  get bytes(): number {
    return this.#bytes;
  }

  /** Sequence of the oldest envelope kept, `undefined` when empty. */
  get oldestSeq(): number | undefined {
    return this.#kept[this.#head]?.seq;
  }

  /** Keeps an envelope (its sequence follows the last one's), then evicts what breaks a bound. */
  push(seq: number, frame: string, bytes: number, at: number): void {
    this.#kept.push({ seq, frame, bytes, at });
    this.#bytes += bytes;
    this.evict(at);
  }

  /** Drops the envelopes older than `maxAgeMs` at `now`, and the oldest beyond `maxBytes`. */
  evict(now: number): void {
    const tooOld = now - this.#bounds.maxAgeMs;
    for (let first = this.#first(); first; first = this.#first()) {
      if (first.at > tooOld && this.#bytes <= this.#bounds.maxBytes) break;
      this.#dropFirst(first);
    }
  }

  /** Drops the envelopes up to `seq` (the client has them). */
  dropThrough(seq: number): void {
    for (let first = this.#first(); first && first.seq <= seq; first = this.#first()) {
      this.#dropFirst(first);
    }
  }

  /** The frames of the envelopes after `seq`, in order. */
  framesAfter(seq: number): string[] {
    const frames: string[] = [];
    for (let index = this.#head; index < this.#kept.length; index++) {
      const kept = this.#kept[index];
      if (kept && kept.seq > seq) frames.push(kept.frame);
    }
    return frames;
  }

  #first(): Kept | undefined {
    return this.#kept[this.#head];
  }

  #dropFirst(first: Kept): void {
    this.#bytes -= first.bytes;
    this.#head++;
    // Compacts now and then, so dropping stays O(1) amortized without keeping dropped entries.
    if (this.#head >= 1024 && this.#head * 2 >= this.#kept.length) {
      this.#kept = this.#kept.slice(this.#head);
      this.#head = 0;
    }
  }
}
