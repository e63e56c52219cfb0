import type { AgentContext, AgentHandler, AgentSocket } from "../agent-types";
import { isRecord } from "../json-record";
import { parseJson } from "./client-frames";
import { pause } from "./pace";
import { emptyInputStats, FrameRate, ToneFrames, type VoiceInputStats } from "./voice-audio";

/** Options of {@link voiceAgent}. */
export interface VoiceAgentOptions {
  /** The client's sample rate (PCM16 mono). Default 16 000. */
  inputRate?: number;
  /** The agent's sample rate (PCM16 mono). Default 24 000. */
  outputRate?: number;
  /** Client samples after which the agent answers (each time). Default: one second's worth. */
  replyAfterSamples?: number;
  /** Length of each spoken answer (a tone), in ms. Default 1 500. */
  replyMs?: number;
  /** The tone's frequency. Default 440 Hz. */
  toneHz?: number;
  /** Audio per frame the agent sends, in ms. Default 40. */
  frameMs?: number;
  /** How far ahead of real time the agent sends its audio, in ms. Default 200. */
  leadMs?: number;
  /** Largest client frame, in bytes. Default 32 768. */
  maxFrameBytes?: number;
}

type Resolved = Required<VoiceAgentOptions>;

function resolve(options: VoiceAgentOptions): Resolved {
  const inputRate = options.inputRate ?? 16_000;
  return {
    inputRate,
    outputRate: options.outputRate ?? 24_000,
    replyAfterSamples: options.replyAfterSamples ?? inputRate,
    replyMs: options.replyMs ?? 1_500,
    toneHz: options.toneHz ?? 440,
    frameMs: options.frameMs ?? 40,
    leadMs: options.leadMs ?? 200,
    maxFrameBytes: options.maxFrameBytes ?? 32_768,
  };
}

/**
 * One spoken answer: transcripts, then the tone paced at real time (`leadMs` ahead), then
 * `audio-end`; it resolves once the tone has played out in real time, or at an interrupt.
 */
async function speak(
  socket: AgentSocket,
  context: AgentContext,
  options: Resolved,
  turn: number,
  cancelled: AbortSignal,
): Promise<void> {
  const seconds = (options.replyMs / 1000).toFixed(2);
  const text = `Answer ${turn}: a ${options.toneHz} Hz tone for ${seconds} s.`;
  socket.sendJson({ type: "transcript", role: "assistant", text: `Answer ${turn}`, final: false });
  socket.sendJson({ type: "transcript", role: "assistant", text, final: true });
  const tone = new ToneFrames(options.outputRate, options.toneHz);
  const perFrame = Math.round((options.outputRate * options.frameMs) / 1000);
  const frames = Math.ceil(options.replyMs / options.frameMs);
  const start = context.now();
  for (let k = 0; k < frames; k++) {
    const wait = start + k * options.frameMs - options.leadMs - context.now();
    if (wait > 0 && !(await pause(context.timers, wait, [socket.signal, cancelled]))) return;
    if (cancelled.aborted || !socket.send(tone.next(perFrame))) return;
  }
  socket.sendJson({ type: "audio-end" });
  // It is still speaking until its audio has played out: what it hears meanwhile is not a turn.
  const playedOut = start + frames * options.frameMs - context.now();
  if (playedOut > 0) await pause(context.timers, playedOut, [socket.signal, cancelled]);
}

/** One connection of the voice agent: what it heard, and the answer it is speaking. */
class VoiceCall {
  readonly stats: VoiceInputStats = emptyInputStats();
  /** `[arrival ms, samples received before it]` of the last 1 000 audio frames. */
  readonly arrivals: [number, number][] = [];
  readonly #rate = new FrameRate();
  readonly #socket: AgentSocket;
  readonly #context: AgentContext;
  readonly #options: Resolved;
  #heard = 0;
  #turn = 0;
  #answer: AbortController | undefined;

  constructor(socket: AgentSocket, context: AgentContext, options: Resolved) {
    this.#socket = socket;
    this.#context = context;
    this.#options = options;
  }

  audio(data: Uint8Array): void {
    const { maxFrameBytes } = this.#options;
    const socket = this.#socket;
    if (data.byteLength > maxFrameBytes)
      return socket.close(1009, `Frame of ${data.byteLength} bytes over ${maxFrameBytes}`);
    if (data.byteLength % 2 !== 0)
      return socket.close(1007, "PCM16 frames hold whole samples (an even number of bytes)");
    const now = this.#context.now();
    if (!this.#rate.add(now)) return socket.close(1008, "Over 250 frames per second");
    this.#count(now, data.byteLength);
    if (this.#heard >= this.#options.replyAfterSamples && !this.#answer) this.#reply();
  }

  text(data: string): void {
    const json = parseJson(data);
    const type = isRecord(json) ? json["type"] : undefined;
    if (type === "stats") {
      const arrivals = isRecord(json) && json["arrivals"] === true ? this.arrivals : undefined;
      this.#socket.sendJson({ type: "stats", ...this.stats, arrivals });
    } else if (type === "interrupt") {
      this.#answer?.abort();
      this.#answer = undefined;
      this.#socket.sendJson({ type: "interrupted" });
    } else if (type !== "text") {
      const message = 'Expected audio, {"type":"interrupt"} or {"type":"stats"}';
      this.#socket.sendJson({ type: "error", message });
    }
  }

  #count(now: number, bytes: number): void {
    const stats = this.stats;
    const samples = bytes / 2;
    if (stats.firstFrameAt === null) {
      stats.firstFrameAt = now;
      stats.firstFrameSamples = samples;
    }
    stats.lastFrameAt = now;
    this.arrivals.push([now, stats.samples]);
    if (this.arrivals.length > 1_000) this.arrivals.shift();
    stats.frames += 1;
    stats.samples += samples;
    stats.bytes += bytes;
    // What it hears while it speaks does not make the next turn (an interrupt ends its turn).
    if (!this.#answer) this.#heard += samples;
  }

  #reply(): void {
    const seconds = (this.#heard / this.#options.inputRate).toFixed(2);
    this.#heard = 0;
    this.#turn += 1;
    const text = `(${seconds} s of audio)`;
    this.#socket.sendJson({ type: "transcript", role: "user", text, final: true });
    const controller = new AbortController();
    this.#answer = controller;
    const spoken = speak(this.#socket, this.#context, this.#options, this.#turn, controller.signal);
    void spoken.finally(() => {
      if (this.#answer === controller) this.#answer = undefined;
    });
  }
}

/**
 * A voice agent for the binary PCM codec (docs/voice.md). It takes PCM16 mono frames (binary)
 * and checks them as the service would: a frame over `maxFrameBytes` closes with 1009, more
 * than 250 frames in a second closes with 1008, and an odd byte count (half a sample) closes
 * with 1007. Every `replyAfterSamples` samples of audio heard while it is not speaking, it answers: a user transcript, an
 * assistant transcript, then a deterministic tone (24 kHz PCM16 by default) paced at real time
 * and `{"type":"audio-end"}`. `{"type":"interrupt"}` stops the answer at once and is
 * acknowledged with `{"type":"interrupted"}`. `{"type":"stats"}` answers with what it received:
 * `{"type":"stats","frames","samples","bytes","firstFrameAt","lastFrameAt","firstFrameSamples"}`,
 * with `"arrivals": [[ms, samples before], …]` of the last 1 000 frames when the request has
 * `"arrivals": true`.
 */
export function voiceAgent(options: VoiceAgentOptions = {}): AgentHandler {
  const resolved = resolve(options);
  return (socket, context) => {
    const call = new VoiceCall(socket, context, resolved);
    socket.on("message", (data) => (typeof data === "string" ? call.text(data) : call.audio(data)));
  };
}
