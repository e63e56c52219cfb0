/**
 * The voice bench's arithmetic, apart from the browser plumbing so a fast test
 * (`test/bench/voice-bench.test.ts`) checks it: frame pacing, latencies paired from the page's
 * log, and the goals.
 */
import { round, summarize, type Summary } from "./stats";

/** A moment on the page: `performance.now()` and the AudioContext's `currentTime` (s). */
export interface Moment {
  at: number;
  contextTime: number;
}

/** A turn of the playback worklet's output to sound or to silence, as the probe posted it. */
export interface Transition {
  sounding: boolean;
  /** The context time of the quantum where it turned (s). */
  contextTime: number;
  /** `performance.now()` when the page received the probe's message. */
  receivedAt: number;
  /**
   * When that quantum reaches the output device, on the page's clock: its context time mapped
   * through `AudioContext.getOutputTimestamp()`, so it includes the device's output latency.
   */
  outputAt: number;
}

/** The gaps between consecutive timestamps. */
export function intervals(times: readonly number[]): number[] {
  return times.slice(1).map((time, i) => time - times[i]!);
}

/** How evenly frames went out: their intervals, and how far each strayed from `nominalMs`. */
export function pacing(framesSentAt: readonly number[], nominalMs: number) {
  const gaps = intervals(framesSentAt);
  const deviations = gaps.map((gap) => Math.abs(gap - nominalMs));
  const span = (framesSentAt.at(-1) ?? 0) - (framesSentAt[0] ?? 0);
  return {
    nominalMs,
    intervalMs: summarize(gaps),
    deviationMs: summarize(deviations),
    /** Frames per second over the whole span: the rate the pacing averages to. */
    framesPerSecond: gaps.length && span > 0 ? round((gaps.length * 1000) / span) : NaN,
  };
}

/** One latency from a page moment to the output's next turn. */
export interface OutputLatency {
  /**
   * On the page's clock, from the moment to the probe's message that the worklet's output
   * turned: an upper bound of the time until it turned (the message's way back included).
   */
  workletMs: number;
  /** To the turned quantum reaching the output device (its output latency included). */
  audibleMs: number;
  /**
   * On the audio clock: the turned quantum's context time minus `currentTime` at the moment.
   * 0 means the next quantum the render thread computed had turned.
   */
  renderMs: number;
}

/**
 * For each moment, the output's next turn to `sounding` (sound) or to silence, provided the
 * output was the other way at that moment (the last turn received before it) and the next turn
 * received after it is the expected one; other moments are counted as `skipped`.
 */
export function latenciesToTurn(
  moments: readonly Moment[],
  transitions: readonly Transition[],
  sounding: boolean,
): { samples: OutputLatency[]; skipped: number } {
  const samples: OutputLatency[] = [];
  let skipped = 0;
  for (const moment of moments) {
    const before = transitions.filter((t) => t.receivedAt <= moment.at).at(-1);
    const wasSounding = before?.sounding ?? false;
    const next = transitions.find((t) => t.receivedAt > moment.at);
    if (wasSounding === sounding || !next || next.sounding !== sounding) {
      skipped++;
      continue;
    }
    samples.push({
      workletMs: round(next.receivedAt - moment.at),
      audibleMs: round(next.outputAt - moment.at),
      renderMs: round((next.contextTime - moment.contextTime) * 1000),
    });
  }
  return { samples, skipped };
}

/**
 * Gaps in the output while the agent spoke: turns to silence between the first turn to sound
 * and the last turn to silence (a continuous tone has none).
 */
export function silencesWithin(transitions: readonly Transition[]): number {
  const first = transitions.findIndex((t) => t.sounding);
  const lastSilence = transitions.map((t) => t.sounding).lastIndexOf(false);
  if (first === -1 || lastSilence <= first) return 0;
  return transitions.slice(first, lastSilence).filter((t) => !t.sounding).length;
}

/** Main-thread time as a percentage of the call's duration. */
export function percentOf(taskMs: number, durationMs: number): number {
  return durationMs > 0 ? round((taskMs / durationMs) * 100, 3) : NaN;
}

/** The median of each round's median, and every sample together. */
export function acrossRounds(rounds: readonly (readonly number[])[]) {
  const perRound = rounds.map((values) => summarize(values).median);
  return { roundMedians: summarize(perRound), all: summarize(rounds.flat()) };
}

/** The goals for voice. */
export const VOICE_GOALS = {
  bargeInMs: 100,
  underruns: 0,
  mainThreadPercent: 2,
  entryBytes: 6_000,
} as const;

/** One goal, its measured figure and whether it holds. */
export interface VoiceGoal {
  id: string;
  goal: string;
  measured: string;
  met: boolean;
}

/** What the goals are judged on. */
export interface VoiceGoalInputs {
  /** Barge-in to the worklet's silence over every repetition. */
  bargeIn: Summary;
  underruns: number;
  speechSeconds: number;
  mainThreadPercent: number;
  entryGzipBytes: number;
}

/** The four goals, judged strictly: the barge-in's p95, not its median. */
export function voiceGoals(inputs: VoiceGoalInputs): VoiceGoal[] {
  const { bargeIn, underruns, speechSeconds, mainThreadPercent, entryGzipBytes } = inputs;
  return [
    {
      id: "voice-barge-in",
      goal: `voice: barge-in to silence <= ${VOICE_GOALS.bargeInMs} ms`,
      measured: `${bargeIn.median} ms median, ${bargeIn.p95} ms p95 (${bargeIn.samples} barge-ins)`,
      met: bargeIn.samples > 0 && bargeIn.p95 <= VOICE_GOALS.bargeInMs,
    },
    {
      id: "voice-underruns",
      goal: "voice: 0 playback underruns on a loopback emulator",
      measured: `${underruns} in ${speechSeconds} s of agent speech`,
      met: underruns <= VOICE_GOALS.underruns,
    },
    {
      id: "voice-main-thread",
      goal: `voice: main-thread time <= ${VOICE_GOALS.mainThreadPercent}% of the call`,
      measured: `${mainThreadPercent.toFixed(2)}%`,
      met: mainThreadPercent <= VOICE_GOALS.mainThreadPercent,
    },
    {
      id: "voice-size",
      goal: "voice subpath <= 6 kB min+gzip, worklet excluded",
      measured: `${(entryGzipBytes / 1000).toFixed(1)} kB`,
      met: entryGzipBytes <= VOICE_GOALS.entryBytes,
    },
  ];
}
