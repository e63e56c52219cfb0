import type { VoiceStats } from "./types";

/** The counters of a call that has not started. */
export function emptyStats(): VoiceStats {
  return {
    framesCaptured: 0,
    framesSent: 0,
    samplesSent: 0,
    framesDropped: 0,
    underruns: 0,
    queued: 0,
    played: 0,
    contextRate: 0,
    flushes: 0,
  };
}
