import type { AgentEvent } from "../codecs/types";
import { listen, notify } from "../core/listeners";
import { isRecord } from "../core/option-checks";
import { openAudioGraph, type AudioGraph } from "./audio-graph";
import { VOICE_EVENT } from "./voice-events";
import { AgentVoiceError, microphoneError } from "./errors";
import { resolveVoiceOptions, type ResolvedVoiceOptions } from "./voice-options";
import type { AgentVoiceOptions, VoiceMode, VoiceSnapshot, VoiceStats } from "./types";
import { emptyStats } from "./voice-stats";
import { Microphone, requestMicrophone, stopTracks } from "./microphone";
import { changedSnapshot, idleSnapshot } from "./voice-snapshot";
import type { PlaybackReport } from "./playback-queue";
import { CallSender } from "./call-sender";
import type { CaptureMessage } from "./worklet-processors";

/**
 * A voice call over a connection: the microphone to the agent as PCM16 frames, the agent's
 * audio to the speakers, barge-in, mute and push-to-talk. Framework-free; `useAgentVoice` is
 * its React binding. Failures are states (`failed`, with a typed {@link AgentVoiceError}):
 * `start()` never rejects.
 *
 * ```ts
 * const transport = voiceTransport();
 * const connection = new AgentRuntimeConnection({
 *   urlProvider, codec: binaryPcmCodec(), WebSocket: transport.WebSocket,
 * });
 * connection.connect();
 * const voice = new AgentVoice({ connection, transport });
 * button.onclick = () => voice.start();
 * ```
 */
export class AgentVoice {
  readonly #options: ResolvedVoiceOptions;
  readonly #listeners = new Set<() => void>();
  #snapshot: VoiceSnapshot;
  #stats = emptyStats();
  #level = 0;
  #loudMs = 0;
  /** After our interrupt: agent audio still in flight is dropped. */
  #discarding = false;
  /** After our interrupt: the agent has not acknowledged it yet (nor started a new turn). */
  #unanswered = false;
  /** Bumped by every start and stop, so a start that finishes late knows it was overtaken. */
  #run = 0;
  #microphone: Microphone | undefined;
  /** The input `start()` opens; `setDevice()` changes it. */
  #deviceId: string | undefined;
  #graph: AudioGraph | undefined;
  #sender: CallSender | undefined;
  #unsubscribe: (() => void) | undefined;

  /** @throws {AgentRuntimeValidationError} for an option out of range. */
  constructor(options: AgentVoiceOptions) {
    this.#options = resolveVoiceOptions(options);
    this.#deviceId = this.#options.deviceId;
    this.#snapshot = idleSnapshot(this.#options.mode);
  }

  /** The current snapshot (safe for `useSyncExternalStore`). */
  getSnapshot = (): VoiceSnapshot => this.#snapshot;

  /** Calls `listener` after every snapshot change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => listen(this.#listeners, listener);

  /** The microphone's level, 0..1 (RMS of the last frame): read it per animation frame. */
  get level(): number {
    return this.#level;
  }

  /** A copy of the counters of the current (or last) call; `start()` zeroes them. */
  get stats(): VoiceStats {
    return { ...this.#stats };
  }

  /** Asks for the microphone and starts the call; resolves once it runs or has failed. */
  async start(): Promise<void> {
    const { state } = this.#snapshot;
    if (state === "requesting-permission" || state === "listening" || state === "agent-speaking")
      return;
    const run = ++this.#run;
    this.#stats = emptyStats();
    this.#set({ state: "requesting-permission", error: null });
    const media = globalThis.navigator?.mediaDevices;
    if (typeof media?.getUserMedia !== "function" || typeof AudioWorkletNode === "undefined")
      return this.#fail(new AgentVoiceError("unsupported"));
    let stream: MediaStream;
    const deviceId = this.#deviceId;
    try {
      stream = await requestMicrophone(media, this.#options.constraints, deviceId);
    } catch (thrown) {
      if (run === this.#run) this.#fail(microphoneError(thrown));
      return;
    }
    if (run !== this.#run) return stopTracks(stream);
    await this.#open(run, stream, media);
    // A device chosen while the call was starting.
    if (this.#deviceId !== deviceId && this.#deviceId !== undefined && run === this.#run)
      await this.setDevice(this.#deviceId);
  }

  /**
   * Switches the microphone to the input `deviceId` (from `enumerateDevices()`) without
   * restarting the call; before a call, sets the input `start()` opens (while it starts, the
   * call moves to it once started). Resolves `true` once the call captures from it (or, before
   * a call, at once); `false` when it could not be opened (the call keeps its input).
   */
  async setDevice(deviceId: string): Promise<boolean> {
    this.#deviceId = deviceId;
    return this.#microphone ? this.#microphone.use(deviceId) : true;
  }

  async #open(run: number, stream: MediaStream, media: MediaDevices): Promise<void> {
    const { inputRate, outputRate, frameMs, prebufferMs, workletUrl } = this.#options;
    let graph: AudioGraph;
    try {
      graph = await openAudioGraph(stream, {
        inputRate,
        outputRate,
        frameMs,
        prebufferMs,
        workletUrl,
        onCapture: (message) => run === this.#run && this.#onCapture(message),
        onPlayback: (message) => run === this.#run && this.#onPlayback(message),
      });
    } catch (thrown) {
      stopTracks(stream);
      if (run === this.#run) this.#fail(new AgentVoiceError("audio-failed", { cause: thrown }));
      return;
    }
    if (run !== this.#run) {
      stopTracks(stream);
      return void graph.close().catch(() => undefined);
    }
    const microphone = new Microphone(stream, {
      media,
      constraints: this.#options.constraints,
      onSwitch: (next) => {
        graph.setInput(next);
        this.#set({ device: microphone.device });
      },
      onLost: (error) => run === this.#run && this.#fail(error),
    });
    microphone.enabled = !this.#snapshot.muted;
    this.#microphone = microphone;
    this.#graph = graph;
    this.#sender = new CallSender(this.#options.transport, this.#options.framing());
    this.#stats.contextRate = graph.context.sampleRate;
    this.#unsubscribe = this.#options.connection.onEvent((event) => this.#onEvent(event));
    this.#set({ state: "listening", device: microphone.device });
  }

  /** Ends the call: releases the microphone and the audio. A call not started stays `idle`. */
  stop(): void {
    this.#sender?.close();
    this.#run++;
    this.#release();
    if (this.#snapshot.state !== "idle")
      this.#set({ state: "stopped", talking: false, device: null });
  }

  /** Stops sending the microphone (the track is disabled, so the level reads 0). */
  mute(): void {
    this.#setMuted(true);
  }

  unmute(): void {
    this.#setMuted(false);
  }

  setMode(mode: VoiceMode): void {
    this.#set({ mode, talking: false });
  }

  /** Push-to-talk: starts sending; talking over the agent interrupts it. */
  pressToTalk(): void {
    if (this.#snapshot.mode !== "push-to-talk") return;
    this.#set({ talking: true });
    if (this.#snapshot.state === "agent-speaking") this.interrupt();
  }

  /** Push-to-talk: stops sending. */
  release(): void {
    this.#set({ talking: false });
  }

  /**
   * Barge-in: drops the agent audio queued here and tells the agent to stop. Audio the agent
   * sent before it heard is dropped too, until it acknowledges (`interrupted`), ends its audio
   * (`audio-end`) or a transcript shows a new turn.
   */
  interrupt(): void {
    if (!this.#graph) return;
    this.#flush();
    this.#discarding = true;
    this.#unanswered = true;
    this.#sender?.interrupt();
  }

  #flush(): void {
    if (!this.#graph) return;
    this.#graph.play("flush");
    this.#stats.flushes++;
  }

  #setMuted(muted: boolean): void {
    if (this.#microphone) this.#microphone.enabled = !muted;
    this.#set({ muted });
  }

  #sending(): boolean {
    const { muted, mode, talking } = this.#snapshot;
    return !muted && (mode === "hands-free" || talking);
  }

  #onCapture({ pcm, level }: CaptureMessage): void {
    this.#level = level;
    this.#stats.framesCaptured++;
    if (!this.#sending()) return;
    this.#watchBargeIn(level);
    if (this.#sender?.audio(pcm)) {
      this.#stats.framesSent++;
      this.#stats.samplesSent += pcm.byteLength / 2;
    } else {
      this.#stats.framesDropped++;
    }
  }

  #watchBargeIn(level: number): void {
    const { bargeInLevel, bargeInMs, frameMs } = this.#options;
    const loud = bargeInLevel !== false && level > bargeInLevel;
    this.#loudMs = loud && this.#snapshot.state === "agent-speaking" ? this.#loudMs + frameMs : 0;
    if (this.#loudMs >= bargeInMs) {
      this.#loudMs = 0;
      this.interrupt();
    }
  }

  #onPlayback({ playing, queued, underruns, played }: PlaybackReport): void {
    Object.assign(this.#stats, { queued, underruns, played });
    const { state } = this.#snapshot;
    if (playing && state === "listening") this.#set({ state: "agent-speaking" });
    if (!playing && state === "agent-speaking") this.#set({ state: "listening" });
  }

  #onEvent(event: AgentEvent): void {
    if (event.type !== "custom" || !this.#graph) return;
    const { name, value } = event;
    if (name === VOICE_EVENT.audio) {
      if (!this.#discarding && value instanceof ArrayBuffer) this.#graph.play(value);
      return;
    }
    // The agent's own interruption flushes, unless it answers ours (already flushed): an agent
    // that hears barge-in itself answers later, maybe after its audio and final transcript.
    const spoke = name === VOICE_EVENT.transcript;
    if (name === VOICE_EVENT.interrupted && !this.#unanswered) this.#flush();
    if (name === VOICE_EVENT.audioEnd) this.#graph.play("end");
    if (spoke || name === VOICE_EVENT.interrupted || name === VOICE_EVENT.audioEnd)
      this.#discarding = false;
    const userTurn = spoke && isRecord(value) && value.role === "user";
    if (userTurn || name === VOICE_EVENT.interrupted) this.#unanswered = false;
  }

  #fail(error: AgentVoiceError): void {
    this.#run++;
    this.#release();
    this.#set({ state: "failed", error, talking: false, device: null });
  }

  #release(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#microphone?.close();
    this.#microphone = undefined;
    void this.#graph?.close().catch(() => undefined);
    this.#graph = undefined;
    this.#sender = undefined;
    this.#level = 0;
    this.#loudMs = 0;
    this.#discarding = false;
    this.#unanswered = false;
  }

  #set(change: Partial<VoiceSnapshot>): void {
    const next = changedSnapshot(this.#snapshot, change);
    if (!next) return;
    this.#snapshot = next;
    notify(this.#listeners);
  }
}
