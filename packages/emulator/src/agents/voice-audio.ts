/** The service's frame-rate limit per connection. */
export const MAX_FRAMES_PER_SECOND = 250;

/** What the voice agent knows about the audio a client sent on one connection. */
export interface VoiceInputStats {
  /** Binary frames received, and the PCM16 samples and bytes in them. */
  frames: number;
  samples: number;
  bytes: number;
  /** Emulator-clock ms of the first and the last audio frame. */
  firstFrameAt: number | null;
  lastFrameAt: number | null;
  /** Samples in the first frame (not counted in a rate measured from its arrival). */
  firstFrameSamples: number;
}

/** A fresh {@link VoiceInputStats}. */
export function emptyInputStats(): VoiceInputStats {
  return {
    frames: 0,
    samples: 0,
    bytes: 0,
    firstFrameAt: null,
    lastFrameAt: null,
    firstFrameSamples: 0,
  };
}

/**
 * Counts frames over a sliding second; `add` reports whether the frame keeps the connection
 * within `limit` frames in any second.
 */
export class FrameRate {
  readonly #times: number[] = [];
  readonly #limit: number;

  constructor(limit = MAX_FRAMES_PER_SECOND) {
    this.#limit = limit;
  }

  add(now: number): boolean {
    this.#times.push(now);
    while (this.#times.length > 0 && (this.#times[0] ?? now) <= now - 1000) this.#times.shift();
    return this.#times.length <= this.#limit;
  }
}

/**
 * A sine tone as PCM16 little-endian, frame by frame, its phase continuing from one frame to
 * the next so the frames join without a click. Deterministic: the same options give the same
 * bytes.
 */
export class ToneFrames {
  readonly #rate: number;
  readonly #hz: number;
  readonly #amplitude: number;
  #sample = 0;

  constructor(rate: number, hz: number, amplitude = 0.3) {
    this.#rate = rate;
    this.#hz = hz;
    this.#amplitude = amplitude;
  }

  /** The next `samples` samples. */
  next(samples: number): Uint8Array {
    const bytes = new Uint8Array(samples * 2);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < samples; i++) {
      const t = (this.#sample + i) / this.#rate;
      view.setInt16(
        i * 2,
        Math.round(this.#amplitude * 0x7fff * Math.sin(2 * Math.PI * this.#hz * t)),
        true,
      );
    }
    this.#sample += samples;
    return bytes;
  }
}
