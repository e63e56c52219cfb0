/**
 * The bench's ear on the playback worklet's output: an AudioWorklet processor, fed by the
 * playback node, that posts the context time of every quantum where the output turns from
 * silence (all zeros) to sound and back. Its own output stays silent. As text, loaded from a
 * Blob URL into the call's AudioContext.
 */

/** What the probe posts at each turn from silence to sound and back. */
export interface ProbeTransition {
  sounding: boolean;
  /** The worklet's `currentTime` of the quantum where it turned (s). */
  contextTime: number;
}

export const OUTPUT_PROBE_NAME = "voice-bench-output-probe";

export const OUTPUT_PROBE_SOURCE = `
class OutputProbe extends AudioWorkletProcessor {
  constructor() {
    super();
    this.sounding = false;
  }
  process(inputs) {
    const channel = inputs[0] && inputs[0][0];
    let sounding = false;
    if (channel) {
      for (let i = 0; i < channel.length; i++) {
        if (channel[i] !== 0) {
          sounding = true;
          break;
        }
      }
    }
    if (sounding !== this.sounding) {
      this.sounding = sounding;
      this.port.postMessage({ sounding, contextTime: currentTime });
    }
    return true;
  }
}
registerProcessor(${JSON.stringify("voice-bench-output-probe")}, OutputProbe);
`;
