import type { CaptureFramer, CaptureFramerOptions } from "./capture-framer";
import type * as Dsp from "./dsp";
import type { PlaybackCommand, PlaybackQueue, PlaybackQueueOptions } from "./playback-queue";

/** The worklet global scope's base class and registry (not in TypeScript's DOM library). */
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: unknown): void;

/** What the worklet module hands {@link registerVoiceProcessors}: the audio code as values. */
export interface WorkletLibrary {
  dsp: typeof Dsp;
  CaptureFramer: typeof CaptureFramer;
  PlaybackQueue: typeof PlaybackQueue;
}

/** What the capture processor posts: one chunk of PCM16 and its level. */
export interface CaptureMessage {
  pcm: ArrayBuffer;
  level: number;
}

/**
 * Registers `agentcore-voice-capture` and `agentcore-voice-playback`. Never called on the main
 * thread: its source text becomes the worklet module (worklet-source.ts), so it reaches nothing
 * outside its body but `lib` and the worklet's globals.
 */
export function registerVoiceProcessors(lib: WorkletLibrary): void {
  class CaptureProcessor extends AudioWorkletProcessor {
    readonly framer: CaptureFramer;

    constructor(init: { processorOptions: CaptureFramerOptions }) {
      super();
      this.framer = new lib.CaptureFramer(init.processorOptions, lib.dsp, (pcm, level) => {
        const message: CaptureMessage = { pcm, level };
        this.port.postMessage(message, [pcm]);
      });
    }

    process(inputs: Float32Array[][]): boolean {
      this.framer.push(inputs[0] ?? []);
      return true;
    }
  }

  class PlaybackProcessor extends AudioWorkletProcessor {
    readonly queue: PlaybackQueue;

    constructor(init: { processorOptions: PlaybackQueueOptions }) {
      super();
      this.queue = new lib.PlaybackQueue(init.processorOptions, lib.dsp, (report) =>
        this.port.postMessage(report),
      );
      this.port.onmessage = (event: MessageEvent<PlaybackCommand>) =>
        this.queue.command(event.data);
    }

    process(_inputs: Float32Array[][], outputs: Float32Array[][]): boolean {
      const out = outputs[0]?.[0];
      if (out) this.queue.render(out);
      return true;
    }
  }

  registerProcessor("agentcore-voice-capture", CaptureProcessor);
  registerProcessor("agentcore-voice-playback", PlaybackProcessor);
}
