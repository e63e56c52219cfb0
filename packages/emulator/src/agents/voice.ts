import type { AgentContext, AgentFrame, AgentHandler, AgentSocket } from "../agent-types";
import { isRecord } from "../json-record";
import { parseJson } from "./client-frames";
import { pause } from "./pace";
import { emptyInputStats, FrameRate, ToneFrames, type VoiceInputStats } from "./voice-audio";
import { espeakPcm } from "./voice-speech";
import {
  binaryDialect,
  sniffDialect,
  type DialectInput,
  type VoiceDialect,
  type VoiceDialectName,
  type VoiceToolCall,
  type VoiceToolResult,
} from "./voice-dialect";
import { novaDialect } from "./voice-nova-dialect";
import { strandsDialect } from "./voice-strands-dialect";

/** Options of {@link voiceAgent}. */
export interface VoiceAgentOptions {
  /** The client's sample rate (PCM16 mono). Default 16 000. */
  inputRate?: number;
  /** The agent's sample rate (PCM16 mono). Default 24 000. */
  outputRate?: number;
  /** Client samples after which the agent answers (each time). Default: one second's worth. */
  replyAfterSamples?: number;
  /**
   * What it answers with: `tone` (default), a deterministic tone of `toneHz` for `replyMs`; or
   * `espeak`, the answer's transcript spoken by `espeak-ng` (Debian's package), resampled from
   * its 22 050 Hz to `outputRate`, falling back to the tone with a warning when espeak-ng is not
   * installed.
   */
  speech?: "tone" | "espeak";
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
  /**
   * The protocol: `binary-pcm`, `nova-sonic` or `strands-bidi`. Default: told by each
   * connection's first frame (binary audio, `{"event":…}`, or `{"type":"bidi_…"}`).
   */
  protocol?: VoiceDialectName;
  /**
   * Nova Sonic and Strands: audio heard while it speaks, in ms, after which it takes the user
   * to be talking over it and stops (those protocols have no interrupt frame). Default 100.
   */
  bargeInMs?: number;
  /**
   * A tool call the agent makes once per connection, before its first answer, in the protocol's
   * own events (binary PCM `tool_call`, Nova Sonic `toolUse`, Strands `tool_use_stream`), with
   * the agent's `result` where the protocol shows results (binary PCM `tool_result`, Strands
   * `tool_result`). Results the client sends back (binary PCM `{"type":"reply"}`, Nova Sonic
   * TOOL contents) are listed in `{"type":"stats"}`'s `toolResults`.
   */
  toolCall?: VoiceToolCall;
}

type Optional = "protocol" | "toolCall";
type Resolved = Required<Omit<VoiceAgentOptions, Optional>> & Pick<VoiceAgentOptions, Optional>;

function resolve(options: VoiceAgentOptions): Resolved {
  const inputRate = options.inputRate ?? 16_000;
  return {
    inputRate,
    outputRate: options.outputRate ?? 24_000,
    replyAfterSamples: options.replyAfterSamples ?? inputRate,
    replyMs: options.replyMs ?? 1_500,
    speech: options.speech ?? "tone",
    toneHz: options.toneHz ?? 440,
    frameMs: options.frameMs ?? 40,
    leadMs: options.leadMs ?? 200,
    maxFrameBytes: options.maxFrameBytes ?? 32_768,
    protocol: options.protocol,
    toolCall: options.toolCall,
    bargeInMs: options.bargeInMs ?? 100,
  };
}

/** The answer's words and their audio (PCM16 at the output rate): speech, or the tone. */
async function answerOf(
  options: Resolved,
  turn: number,
  heard: string,
): Promise<{ text: string; pcm: Uint8Array }> {
  if (options.speech === "espeak") {
    const text = `Answer ${turn}. I heard ${heard} seconds of audio.`;
    const pcm = await espeakPcm(text, options.outputRate);
    if (pcm) return { text, pcm };
  }
  const seconds = (options.replyMs / 1000).toFixed(2);
  const text = `Answer ${turn}: a ${options.toneHz} Hz tone for ${seconds} s.`;
  const perFrame = Math.round((options.outputRate * options.frameMs) / 1000);
  const frames = Math.ceil(options.replyMs / options.frameMs);
  return { text, pcm: new ToneFrames(options.outputRate, options.toneHz).next(frames * perFrame) };
}

/**
 * One spoken answer: transcripts, then its audio in frames paced at real time (`leadMs`
 * ahead), then `audio-end`; it resolves once the audio has played out in real time, or at an
 * interrupt.
 */
async function speak(
  socket: AgentSocket,
  context: AgentContext,
  { options, dialect, heard }: { options: Resolved; dialect: VoiceDialect; heard: string },
  turn: number,
  cancelled: AbortSignal,
): Promise<void> {
  const { text, pcm } = await answerOf(options, turn, heard);
  if (cancelled.aborted) return;
  sendAll(socket, dialect.answerStart(`Answer ${turn}`, text));
  const frameBytes = 2 * Math.round((options.outputRate * options.frameMs) / 1000);
  const frames = Math.ceil(pcm.byteLength / frameBytes);
  const start = context.now();
  for (let k = 0; k < frames; k++) {
    const wait = start + k * options.frameMs - options.leadMs - context.now();
    if (wait > 0 && !(await pause(context.timers, wait, [socket.signal, cancelled]))) return;
    const frame = pcm.slice(k * frameBytes, (k + 1) * frameBytes);
    if (cancelled.aborted || !socket.send(dialect.audio(frame))) return;
  }
  sendAll(socket, dialect.answerEnd(text));
  // It is still speaking until its audio has played out: what it hears meanwhile is not a turn.
  const playedOut = start + (pcm.byteLength / 2 / options.outputRate) * 1000 - context.now();
  if (playedOut > 0) await pause(context.timers, playedOut, [socket.signal, cancelled]);
}

function sendAll(socket: AgentSocket, frames: AgentFrame[]): void {
  for (const frame of frames) socket.send(frame);
}

function frameBytes(data: AgentFrame): number {
  return typeof data === "string" ? Buffer.byteLength(data) : data.byteLength;
}

function dialectFor(
  name: VoiceDialectName,
  options: Resolved,
  context: AgentContext,
): VoiceDialect {
  if (name === "nova-sonic") return novaDialect(options);
  if (name === "strands-bidi") return strandsDialect(options, `emulator-${context.connectionId}`);
  return binaryDialect();
}

/** One connection of the voice agent: what it heard, and the answer it is speaking. */
class VoiceCall {
  readonly stats: VoiceInputStats = emptyInputStats();
  /** `[arrival ms, samples received before it]` of the last 1 000 audio frames. */
  readonly arrivals: [number, number][] = [];
  /** Tool results the client sent, in order. */
  readonly toolResults: VoiceToolResult[] = [];
  readonly #rate = new FrameRate();
  readonly #socket: AgentSocket;
  readonly #context: AgentContext;
  readonly #options: Resolved;
  #dialect: VoiceDialect | undefined;
  #heard = 0;
  /** Samples heard while speaking: barge-in, for protocols that have no interrupt frame. */
  #overlap = 0;
  #turn = 0;
  #answer: AbortController | undefined;

  constructor(socket: AgentSocket, context: AgentContext, options: Resolved) {
    this.#socket = socket;
    this.#context = context;
    this.#options = options;
    if (options.protocol) this.#dialect = dialectFor(options.protocol, options, context);
  }

  message(data: AgentFrame): void {
    const { maxFrameBytes } = this.#options;
    const socket = this.#socket;
    const bytes = frameBytes(data);
    if (bytes > maxFrameBytes)
      return socket.close(1009, `Frame of ${bytes} bytes over ${maxFrameBytes}`);
    if (typeof data === "string" && this.#stats(data)) return;
    this.#dialect ??= dialectFor(sniffDialect(data), this.#options, this.#context);
    this.#apply(this.#dialect.read(data));
  }

  /** `{"type":"stats"}`, in any protocol: what it received. */
  #stats(data: string): boolean {
    const json = parseJson(data);
    if (!isRecord(json) || json["type"] !== "stats") return false;
    const arrivals = json["arrivals"] === true ? this.arrivals : undefined;
    this.#socket.sendJson({
      type: "stats",
      protocol: this.#dialect?.name,
      ...this.stats,
      toolResults: this.toolResults,
      arrivals,
    });
    return true;
  }

  #apply(input: DialectInput): void {
    const socket = this.#socket;
    switch (input.kind) {
      case "close":
        return socket.close(input.code, input.reason);
      case "reply":
        return sendAll(socket, input.frames);
      case "interrupt":
        return this.#interrupt();
      case "tool-results":
        this.toolResults.push(...input.results);
        return;
      case "audio":
        sendAll(socket, input.reply ?? []);
        return this.#audio(input.pcm);
    }
  }

  #audio(pcm: Uint8Array): void {
    const now = this.#context.now();
    if (!this.#rate.add(now)) return this.#socket.close(1008, "Over 250 frames per second");
    this.#count(now, pcm.byteLength);
    if (this.#answer && this.#dialect?.hearsBargeIn) {
      this.#overlap += pcm.byteLength / 2;
      if (this.#overlap >= (this.#options.inputRate * this.#options.bargeInMs) / 1000) {
        this.#interrupt();
      }
    }
    if (this.#heard >= this.#options.replyAfterSamples && !this.#answer) this.#reply();
  }

  #interrupt(): void {
    this.#answer?.abort();
    this.#answer = undefined;
    sendAll(this.#socket, this.#dialect?.interrupted() ?? []);
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
    const dialect = this.#dialect;
    if (!dialect) return;
    const seconds = (this.#heard / this.#options.inputRate).toFixed(2);
    this.#heard = 0;
    this.#overlap = 0;
    this.#turn += 1;
    sendAll(this.#socket, dialect.userTurn(`(${seconds} s of audio)`));
    const { toolCall } = this.#options;
    if (toolCall && this.#turn === 1) {
      sendAll(this.#socket, dialect.toolCall(`tool-${this.#context.connectionId}`, toolCall));
    }
    const controller = new AbortController();
    this.#answer = controller;
    const speaking = { options: this.#options, dialect, heard: seconds };
    const spoken = speak(this.#socket, this.#context, speaking, this.#turn, controller.signal);
    void spoken.finally(() => {
      if (this.#answer === controller) this.#answer = undefined;
    });
  }
}

/**
 * A voice agent for `agentcore-react/voice`'s codecs (docs/voice.md): binary PCM, Amazon Nova
 * Sonic's events, or Strands' bidi events, told by each connection's first frame unless
 * `protocol` says. It takes PCM16 mono audio and checks it as the service would: a frame over `maxFrameBytes` closes with 1009, more
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
    socket.on("message", (data) => call.message(data));
  };
}
