import type * as Dsp from "./dsp";

/** How agent audio is queued: `processorOptions` of the playback worklet. */
export interface PlaybackQueueOptions {
  /** The AudioContext's sample rate. */
  contextRate: number;
  /** The agent's output rate. */
  inputRate: number;
  /** Ring capacity in context-rate samples. */
  capacity: number;
  /** Samples queued before playback starts, so network jitter does not starve it. */
  prebuffer: number;
}

/** What the playback side reports whenever it starts or stops playing. */
export interface PlaybackReport {
  playing: boolean;
  /** Context-rate samples queued. */
  queued: number;
  /** Times the queue ran dry before the agent's turn was over. */
  underruns: number;
  /** Context-rate samples played so far. */
  played: number;
}

/** What the main thread sends: PCM16 bytes, `"flush"` (barge-in) or `"end"` (of the turn). */
export type PlaybackCommand = ArrayBuffer | "flush" | "end";

/**
 * The playback worklet's work: agent PCM16 resampled to the context rate into a ring buffer,
 * played gaplessly quantum by quantum once `prebuffer` samples are queued. Running dry before
 * the agent's `end` counts an underrun (playback then waits for `prebuffer` again); `flush`
 * drops everything queued at once. Runs in the worklet (its source text is part of the worklet
 * module, so it refers to nothing outside the class but `dsp`) and in unit tests.
 */
export class PlaybackQueue {
  readonly dsp: typeof Dsp;
  readonly options: PlaybackQueueOptions;
  readonly report: (report: PlaybackReport) => void;
  readonly ring: Dsp.Ring;
  /** The largest run of samples decoded at once: longer agent frames are split. */
  readonly decoded = new Float32Array(4096);
  readonly resampled: Float32Array;
  resampler: Dsp.ResamplerState;
  playing = false;
  /** The agent's turn is over: running dry now is its end, not an underrun. */
  ended = true;
  underruns = 0;
  played = 0;

  constructor(
    options: PlaybackQueueOptions,
    dsp: typeof Dsp,
    report: (report: PlaybackReport) => void,
  ) {
    this.dsp = dsp;
    this.options = options;
    this.report = report;
    this.ring = { buffer: new Float32Array(options.capacity), read: 0, size: 0 };
    this.resampler = dsp.createResampler(options.inputRate, options.contextRate);
    this.resampled = new Float32Array(Math.ceil(this.decoded.length / this.resampler.step) + 2);
  }

  command(command: PlaybackCommand): void {
    if (command === "flush") {
      this.ring.read = this.ring.size = 0;
      this.resampler = this.dsp.createResampler(this.options.inputRate, this.options.contextRate);
      this.ended = true;
      this.setPlaying(false);
    } else if (command === "end") {
      this.ended = true;
      if (!this.playing && this.ring.size > 0) this.setPlaying(true);
    } else {
      this.ended = false;
      this.enqueue(command);
    }
  }

  enqueue(pcm: ArrayBuffer): void {
    const bytes = pcm.byteLength - (pcm.byteLength % 2);
    const step = this.decoded.length * 2;
    for (let at = 0; at < bytes; at += step) {
      const part = new DataView(pcm, at, Math.min(step, bytes - at));
      const count = this.dsp.readPcm16(part, this.decoded);
      const out = this.dsp.resampleLinear(this.decoded, count, this.resampler, this.resampled, 0);
      this.dsp.ringWrite(this.ring, this.resampled, out);
    }
    if (!this.playing && this.ring.size >= this.options.prebuffer) this.setPlaying(true);
  }

  /** Fills one quantum of output: queued audio while playing, else silence. */
  render(out: Float32Array): void {
    if (!this.playing) {
      out.fill(0);
      return;
    }
    this.played += this.dsp.ringRead(this.ring, out, out.length);
    if (this.ring.size > 0) return;
    if (!this.ended) this.underruns++;
    this.setPlaying(false);
  }

  setPlaying(playing: boolean): void {
    this.playing = playing;
    const { underruns, played } = this;
    this.report({ playing, queued: this.ring.size, underruns, played });
  }
}
