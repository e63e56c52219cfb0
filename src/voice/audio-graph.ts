import type { CaptureFramerOptions } from "./capture-framer";
import type { PlaybackCommand, PlaybackQueueOptions, PlaybackReport } from "./playback-queue";
import type { CaptureMessage } from "./worklet-processors";

/** What the audio graph needs to know. */
export interface AudioGraphOptions {
  inputRate: number;
  outputRate: number;
  frameMs: number;
  prebufferMs: number;
  workletUrl: string | undefined;
  onCapture(message: CaptureMessage): void;
  onPlayback(message: PlaybackReport): void;
}

/** The running audio of one call: microphone in, agent audio out. */
export interface AudioGraph {
  readonly context: AudioContext;
  /** Captures from `stream` instead (another microphone), in the same context. */
  setInput(stream: MediaStream): void;
  /** Queues agent audio, ends the agent's turn, or drops what is queued. */
  play(command: PlaybackCommand): void;
  close(): Promise<void>;
}

/** Seconds of agent audio the playback ring holds. */
const RING_SECONDS = 30;

async function loadWorklet(context: AudioContext, workletUrl: string | undefined): Promise<void> {
  if (workletUrl) return context.audioWorklet.addModule(workletUrl);
  const { buildVoiceWorkletSource } = await import("./worklet-source");
  const blob = new Blob([buildVoiceWorkletSource()], { type: "text/javascript" });
  const url = URL.createObjectURL(blob);
  try {
    await context.audioWorklet.addModule(url);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * Starts the call's audio on `stream`: an AudioContext at the device's rate, the capture
 * worklet behind the microphone and the playback worklet in front of the speakers.
 *
 * @throws whatever the platform throws when the context or the worklet module fails.
 */
export async function openAudioGraph(
  stream: MediaStream,
  options: AudioGraphOptions,
): Promise<AudioGraph> {
  const context = new AudioContext({ latencyHint: "interactive" });
  try {
    await loadWorklet(context, options.workletUrl);
    const rate = context.sampleRate;
    const capture: CaptureFramerOptions = {
      contextRate: rate,
      outputRate: options.inputRate,
      chunkBytes: 2 * Math.round((options.inputRate * options.frameMs) / 1000),
    };
    const captureNode = new AudioWorkletNode(context, "agentcore-voice-capture", {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      channelCountMode: "explicit",
      channelCount: 2,
      processorOptions: capture,
    });
    const playback: PlaybackQueueOptions = {
      contextRate: rate,
      inputRate: options.outputRate,
      capacity: rate * RING_SECONDS,
      prebuffer: Math.round((rate * options.prebufferMs) / 1000),
    };
    const playbackNode = new AudioWorkletNode(context, "agentcore-voice-playback", {
      numberOfInputs: 0,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      processorOptions: playback,
    });
    captureNode.port.onmessage = (event: MessageEvent<CaptureMessage>) =>
      options.onCapture(event.data);
    playbackNode.port.onmessage = (event: MessageEvent<PlaybackReport>) =>
      options.onPlayback(event.data);
    let source = context.createMediaStreamSource(stream);
    source.connect(captureNode);
    // The capture node outputs silence; connected so the graph keeps pulling it.
    captureNode.connect(context.destination);
    playbackNode.connect(context.destination);
    await context.resume();
    return {
      context,
      setInput(next) {
        source.disconnect();
        source = context.createMediaStreamSource(next);
        source.connect(captureNode);
      },
      // Copied, not transferred: other listeners of the connection may hold the same buffer.
      play: (command) => playbackNode.port.postMessage(command),
      close: () => context.close(),
    };
  } catch (thrown) {
    void context.close().catch(() => undefined);
    throw thrown;
  }
}
