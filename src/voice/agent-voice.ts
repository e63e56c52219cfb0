import type { AgentEvent } from "../codecs/types";
import { listen, notify } from "../core/listeners";
import { isRecord } from "../core/option-checks";
import { openAudioGraph, type AudioGraph } from "./audio-graph";
import { VOICE_EVENT } from "./voice-events";
import { AgentVoiceError, microphoneError } from "./errors";
import { resolveVoiceOptions, type ResolvedVoiceOptions } from "./voice-options";
import type { AgentVoiceOptions, VoiceMode, VoiceSnapshot, VoiceStats } from "./types";
import { emptyStats } from "./voice-stats";
import type { PlaybackReport } from "./playback-queue";
import type { VoiceFraming } from "./voice-codec";
import type { CaptureMessage } from "./worklet-processors";

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

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
  #stream: MediaStream | undefined;
  #graph: AudioGraph | undefined;
  #framing: VoiceFraming | undefined;
  /** The socket the call was opened on (the codec's opening frames sent), by the transport's count. */
  #openedOn: number | undefined;
  #unsubscribe: (() => void) | undefined;

  /** @throws {AgentRuntimeValidationError} for an option out of range. */
  constructor(options: AgentVoiceOptions) {
    this.#options = resolveVoiceOptions(options);
    const mode = this.#options.mode;
    this.#snapshot = { state: "idle", mode, muted: false, talking: false, error: null };
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
    try {
      stream = await media.getUserMedia({ audio: this.#options.constraints });
    } catch (thrown) {
      if (run === this.#run) this.#fail(microphoneError(thrown));
      return;
    }
    if (run !== this.#run) return stopTracks(stream);
    await this.#open(run, stream);
  }

  async #open(run: number, stream: MediaStream): Promise<void> {
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
    this.#stream = stream;
    this.#graph = graph;
    this.#framing = this.#options.framing();
    this.#stats.contextRate = graph.context.sampleRate;
    for (const track of stream.getAudioTracks()) {
      track.enabled = !this.#snapshot.muted;
      track.addEventListener("ended", () => {
        if (run === this.#run) this.#fail(new AgentVoiceError("device-lost"));
      });
    }
    this.#unsubscribe = this.#options.connection.onEvent((event) => this.#onEvent(event));
    this.#set({ state: "listening" });
  }

  /** Ends the call: releases the microphone and the audio. A call not started stays `idle`. */
  stop(): void {
    // Closing frames only on the socket the call was opened on (not one opened since).
    const { transport } = this.#options;
    if (this.#framing && this.#openedOn === (transport.sockets ?? 0)) {
      for (const frame of this.#framing.close()) transport.send(frame);
    }
    this.#run++;
    this.#release();
    if (this.#snapshot.state !== "idle") this.#set({ state: "stopped", talking: false });
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
    const frame = this.#framing?.interrupt();
    if (frame !== undefined) this.#options.transport.send(frame);
  }

  #flush(): void {
    if (!this.#graph) return;
    this.#graph.play("flush");
    this.#stats.flushes++;
  }

  #setMuted(muted: boolean): void {
    for (const track of this.#stream?.getAudioTracks() ?? []) track.enabled = !muted;
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
    if (this.#sendAudio(pcm)) {
      this.#stats.framesSent++;
      this.#stats.samplesSent += pcm.byteLength / 2;
    } else {
      this.#stats.framesDropped++;
    }
  }

  /** Sends a chunk, after the codec's opening frames when the socket is new to the call. */
  #sendAudio(pcm: ArrayBuffer): boolean {
    const { transport } = this.#options;
    const framing = this.#framing;
    if (!framing) return false;
    const socket = transport.sockets ?? 0;
    if (this.#openedOn !== socket) {
      const opening = framing.open();
      if (!opening.every((frame) => transport.send(frame))) return false;
      this.#openedOn = socket;
    }
    return transport.send(framing.audio(pcm));
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
    this.#set({ state: "failed", error, talking: false });
  }

  #release(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    if (this.#stream) stopTracks(this.#stream);
    this.#stream = undefined;
    void this.#graph?.close().catch(() => undefined);
    this.#graph = undefined;
    this.#framing = undefined;
    this.#openedOn = undefined;
    this.#level = 0;
    this.#loudMs = 0;
    this.#discarding = false;
    this.#unanswered = false;
  }

  #set(change: Partial<VoiceSnapshot>): void {
    const current = this.#snapshot;
    const next = { ...current, ...change };
    const same =
      next.state === current.state &&
      next.mode === current.mode &&
      next.muted === current.muted &&
      next.talking === current.talking &&
      next.error === current.error;
    if (same) return;
    this.#snapshot = next;
    notify(this.#listeners);
  }
}
