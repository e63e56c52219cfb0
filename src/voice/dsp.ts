/**
 * The audio path's arithmetic as pure functions over preallocated buffers: downmixing,
 * resampling, PCM16 conversion and a ring buffer. The worklets run these very functions (their
 * source is built from them, see worklet-source.ts), so each must stand alone: no imports, no
 * closures, no helpers outside its own body. None allocates.
 */

/** Where a streaming resampler stands between two blocks of input. */
export interface ResamplerState {
  /** Input samples per output sample (input rate / output rate). */
  step: number;
  /** Position of the next output sample, in input samples from the start of the next block. */
  pos: number;
  /** The last input sample of the previous block (position -1). */
  last: number;
}

/** A resampler from `inputRate` to `outputRate`, starting at the first input sample. */
export function createResampler(inputRate: number, outputRate: number): ResamplerState {
  return { step: inputRate / outputRate, pos: 0, last: 0 };
}

/**
 * Resamples `length` samples of `input` by linear interpolation, continuing where the previous
 * block stopped, into `out` from `offset`. Over any run it writes exactly one output sample per
 * `step` input samples. `out` needs room for `ceil(length / step) + 1` samples.
 *
 * @returns how many samples it wrote.
 */
export function resampleLinear(
  input: Float32Array,
  length: number,
  state: ResamplerState,
  out: Float32Array,
  offset: number,
): number {
  if (length <= 0) return 0;
  let pos = state.pos;
  let written = offset;
  while (pos <= length - 1 && written < out.length) {
    const index = Math.floor(pos);
    const frac = pos - index;
    const a = index < 0 ? state.last : (input[index] ?? 0);
    const b = index + 1 < length ? (input[index + 1] ?? 0) : a;
    out[written++] = a + (b - a) * frac;
    pos += state.step;
  }
  state.pos = pos - length;
  state.last = input[length - 1] ?? 0;
  return written - offset;
}

/**
 * Averages `channels` (one `Float32Array` each) into `out`, `frames` samples.
 *
 * @returns `frames`, or 0 when there is no channel (a disconnected input).
 */
export function downmixInto(channels: Float32Array[], frames: number, out: Float32Array): number {
  const count = channels.length;
  if (count === 0) return 0;
  for (let i = 0; i < frames; i++) {
    let sum = 0;
    for (const channel of channels) sum += channel[i] ?? 0;
    out[i] = sum / count;
  }
  return frames;
}

/**
 * Writes `count` float samples (clamped to -1..1) as PCM16 little-endian into `view` from
 * byte `byteOffset`.
 */
export function writePcm16(
  samples: Float32Array,
  count: number,
  view: DataView,
  byteOffset: number,
): void {
  for (let i = 0; i < count; i++) {
    const s = Math.max(-1, Math.min(1, samples[i] ?? 0));
    view.setInt16(byteOffset + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
}

/**
 * Reads PCM16 little-endian samples from `bytes` (a whole number of samples) into `out`.
 *
 * @returns how many samples it read (at most `out.length`).
 */
export function readPcm16(bytes: DataView, out: Float32Array): number {
  const count = Math.min(out.length, Math.floor(bytes.byteLength / 2));
  for (let i = 0; i < count; i++) out[i] = bytes.getInt16(i * 2, true) / 0x8000;
  return count;
}

/** The root mean square of `count` samples, 0..1 for samples in -1..1. */
export function rms(samples: Float32Array, count: number): number {
  if (count <= 0) return 0;
  let sum = 0;
  for (let i = 0; i < count; i++) sum += (samples[i] ?? 0) ** 2;
  return Math.sqrt(sum / count);
}

/** A ring buffer of samples: `size` of them queued from `read`. */
export interface Ring {
  buffer: Float32Array;
  read: number;
  size: number;
}

/**
 * Queues `count` samples of `samples`; what does not fit is dropped.
 *
 * @returns how many samples it queued.
 */
export function ringWrite(ring: Ring, samples: Float32Array, count: number): number {
  const capacity = ring.buffer.length;
  const taken = Math.min(count, capacity - ring.size);
  let at = (ring.read + ring.size) % capacity;
  for (let i = 0; i < taken; i++) {
    ring.buffer[at] = samples[i] ?? 0;
    at = at + 1 === capacity ? 0 : at + 1;
  }
  ring.size += taken;
  return taken;
}

/**
 * Moves up to `count` queued samples into `out` and fills the rest of `count` with silence.
 *
 * @returns how many queued samples it moved.
 */
export function ringRead(ring: Ring, out: Float32Array, count: number): number {
  const capacity = ring.buffer.length;
  const taken = Math.min(count, ring.size);
  let at = ring.read;
  for (let i = 0; i < taken; i++) {
    out[i] = ring.buffer[at] ?? 0;
    at = at + 1 === capacity ? 0 : at + 1;
  }
  for (let i = taken; i < count; i++) out[i] = 0;
  ring.read = at;
  ring.size -= taken;
  return taken;
}
