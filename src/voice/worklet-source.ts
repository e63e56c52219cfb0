import { CaptureFramer } from "./capture-framer";
import * as dsp from "./dsp";
import { PlaybackQueue } from "./playback-queue";
import { registerVoiceProcessors } from "./worklet-processors";

/**
 * The source of the voice worklet module: {@link registerVoiceProcessors} called with the
 * functions of dsp.ts and the framer and queue classes, all as their own source text. Built
 * from the code itself, so the worklet runs exactly what the unit tests check. Imported lazily,
 * on the first `start()`, so the voice entry does not carry it.
 */
export function buildVoiceWorkletSource(): string {
  const functions = Object.entries(dsp)
    .map(([name, value]) => `${JSON.stringify(name)}: ${String(value)}`)
    .join(",\n");
  const lib = `{ dsp: {\n${functions}\n},\nCaptureFramer: ${String(CaptureFramer)},\nPlaybackQueue: ${String(PlaybackQueue)} }`;
  return `(${String(registerVoiceProcessors)})(${lib});\n`;
}
