import type { AgentVoiceError } from "./errors";
import type { VoiceCodec } from "./voice-codec";
import type { VoiceTransport } from "./voice-transport";
import type { AgentEvent } from "../codecs/types";

/**
 * Where a call stands. `listening`: the microphone is live (frames go to the agent unless
 * muted, or, in push-to-talk, while the key is held); `agent-speaking`: agent audio is playing.
 */
export type VoiceState =
  "idle" | "requesting-permission" | "listening" | "agent-speaking" | "stopped" | "failed";

/** Hands-free sends the microphone all the time; push-to-talk only between press and release. */
export type VoiceMode = "hands-free" | "push-to-talk";

/** A microphone: its `deviceId` (as `enumerateDevices()` lists it) and its label. */
export interface VoiceDevice {
  id: string;
  /** Empty until the page may use the microphone. */
  label: string;
}

/** A call's state as one immutable object: the same object until something changes. */
export interface VoiceSnapshot {
  state: VoiceState;
  mode: VoiceMode;
  muted: boolean;
  /** Push-to-talk: the key is held. */
  talking: boolean;
  /** Set in state `failed`. */
  error: AgentVoiceError | null;
  /** The input the call captures from; `null` before the call has a microphone and after it. */
  device: VoiceDevice | null;
}

/** Counters of one call (from `start()`), for diagnostics and tests. */
export interface VoiceStats {
  /** Frames the microphone produced (sent or not). */
  framesCaptured: number;
  /** Audio frames handed to the socket, and the samples in them. */
  framesSent: number;
  samplesSent: number;
  /** Frames to send dropped because no stream was open (not those held back by mute or push-to-talk). */
  framesDropped: number;
  /** Times agent audio ran dry before the agent said its turn was over. */
  underruns: number;
  /** Agent audio samples (context rate) queued and not yet played, when last reported. */
  queued: number;
  /** Agent audio samples played, when last reported, at `contextRate`. */
  played: number;
  /** The AudioContext's sample rate (the device's), once started; else 0. */
  contextRate: number;
  /** Barge-ins: agent audio flushed by the agent's interruption or the user's voice. */
  flushes: number;
}

/** A PCM16 mono format. */
export interface PcmFormat {
  sampleRate: number;
}

/** Options of `AgentVoice`. */
export interface AgentVoiceOptions {
  /** The conversation's connection; its codec decodes agent audio (e.g. `binaryPcmCodec()`). */
  connection: { onEvent(listener: (event: AgentEvent) => void): () => void };
  /** The transport whose `WebSocket` the connection was given. */
  transport: VoiceTransport;
  /**
   * The codec the connection was given, which also frames the call's audio (how it is sent,
   * what opens and closes a call, the interrupt frame). Default: the binary PCM framing.
   */
  codec?: VoiceCodec;
  /** Default `hands-free`. */
  mode?: VoiceMode;
  /** What the agent takes. Default 16 000 Hz. */
  inputFormat?: PcmFormat;
  /** What the agent sends. Default 24 000 Hz. */
  outputFormat?: PcmFormat;
  /**
   * Milliseconds of audio per frame sent. Default 40 (1 280 bytes at 16 kHz, 25 frames/s);
   * 10 to 1 000 (at most 100 audio frames a second, well under the service's 250), and a frame
   * must stay within 32 768 bytes as the codec sends it (base64 in JSON takes a third more:
   * at most 720 ms at 16 kHz with `novaSonicCodec()` or `strandsBidiCodec()`).
   */
  frameMs?: number;
  /** Agent audio queued before playback starts, absorbing network jitter (ms). Default 60. */
  prebufferMs?: number;
  /**
   * Barge-in by voice: the input level (0..1 RMS) above which the user is taken to be talking
   * over the agent, for `bargeInMs`; then queued agent audio is flushed and the agent is told
   * (`{"type":"interrupt"}`). `false` turns it off (the agent's own interruption event still
   * flushes). Default 0.1.
   */
  bargeInLevel?: number | false;
  /** How long the level stays above `bargeInLevel` before it counts (ms). Default 120. */
  bargeInMs?: number;
  /**
   * The microphone to use (a `deviceId` from `enumerateDevices()`); `setDevice()` changes it.
   * Default: the browser's default input.
   */
  deviceId?: string;
  /** Extra `getUserMedia` audio constraints (echo cancellation etc. are on by default). */
  audioConstraints?: MediaTrackConstraints;
  /**
   * The URL of the worklet module, for pages whose Content-Security-Policy refuses `blob:`
   * scripts: serve the text `voiceWorkletSource()` resolves to and give its URL. Default: a Blob
   * URL.
   */
  workletUrl?: string;
}
