import type * as Dsp from "./dsp";

/** How the microphone is framed: `processorOptions` of the capture worklet. */
export interface CaptureFramerOptions {
  /** The AudioContext's sample rate. */
  contextRate: number;
  /** The agent's input rate. */
  outputRate: number;
  /** Bytes of PCM16 per chunk. */
  chunkBytes: number;
}

/** Where a full chunk goes: its PCM16 bytes (handed over) and its level (RMS, 0..1). */
export type ChunkSink = (pcm: ArrayBuffer, level: number) => void;

/**
 * The capture worklet's work, quantum by quantum: downmix to mono, resample to the agent's
 * rate, write PCM16 little-endian into a chunk of `chunkBytes` and hand over each full chunk.
 * Runs in the worklet (its source text is part of the worklet module, so it refers to nothing
 * outside the class but `dsp`) and in unit tests; it
 * allocates only a new chunk per chunk handed over, never per quantum.
 */
export class CaptureFramer {
  readonly dsp: typeof Dsp;
  readonly sink: ChunkSink;
  readonly chunkBytes: number;
  readonly resampler: Dsp.ResamplerState;
  mono = new Float32Array(128);
  readonly resampled: Float32Array;
  chunk: ArrayBuffer;
  view: DataView;
  filled = 0;
  sumSquares = 0;

  constructor(options: CaptureFramerOptions, dsp: typeof Dsp, sink: ChunkSink) {
    this.dsp = dsp;
    this.sink = sink;
    this.chunkBytes = options.chunkBytes;
    this.resampler = dsp.createResampler(options.contextRate, options.outputRate);
    this.resampled = new Float32Array(Math.ceil(128 / this.resampler.step) + 2);
    this.chunk = new ArrayBuffer(this.chunkBytes);
    this.view = new DataView(this.chunk);
  }

  /** Takes one quantum of input (one array per channel; none when the input is silent). */
  push(channels: Float32Array[]): void {
    const frames = channels[0]?.length ?? 0;
    // Only a quantum longer than the usual 128 samples costs an allocation (never in practice).
    if (frames > this.mono.length) this.mono = new Float32Array(frames);
    if (this.dsp.downmixInto(channels, frames, this.mono) === 0) return;
    for (let start = 0; start < frames; start += 128) {
      const part = this.mono.subarray(start, Math.min(frames, start + 128));
      const count = this.dsp.resampleLinear(part, part.length, this.resampler, this.resampled, 0);
      this.write(count);
    }
  }

  write(count: number): void {
    for (let done = 0; done < count;) {
      const take = Math.min((this.chunkBytes - this.filled) / 2, count - done);
      const part = this.resampled.subarray(done, done + take);
      this.dsp.writePcm16(part, take, this.view, this.filled);
      this.sumSquares += this.dsp.rms(part, take) ** 2 * take;
      this.filled += take * 2;
      done += take;
      if (this.filled === this.chunkBytes) this.emit();
    }
  }

  emit(): void {
    const full = this.chunk;
    const level = Math.min(1, Math.sqrt(this.sumSquares / (this.chunkBytes / 2)));
    this.chunk = new ArrayBuffer(this.chunkBytes);
    this.view = new DataView(this.chunk);
    this.filled = 0;
    this.sumSquares = 0;
    this.sink(full, level);
  }
}
