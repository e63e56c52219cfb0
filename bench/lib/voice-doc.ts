/**
 * The voice bench's figures as Markdown, from `bench/results/voice.json` only:
 * `bench/render-docs.ts` writes them into the README and docs/voice.md.
 */
import { ms, runLine, type PeerResult } from "./doc-tables";
import type { Summary } from "./stats";
import type { VoiceGoal } from "./voice-stats";

interface AcrossRounds {
  roundMedians: Summary;
  all: Summary;
}

interface LatencyFigures {
  workletMs: AcrossRounds;
  audibleMs: AcrossRounds;
  renderMs: AcrossRounds;
  skipped: number;
}

/** The parts of `bench/results/voice.json` the docs quote. */
export interface VoiceResult {
  machine: PeerResult["machine"];
  load: PeerResult["load"];
  browser: string;
  shape: {
    quick: boolean;
    rounds: number;
    callSeconds: number;
    bargeInsPerRound: number;
    speechSeconds: number;
  };
  firstFrame: { fromStartResolvedMs: Summary; fromMicrophoneMs: Summary };
  pacing: { nominalMs: number; intervalMs: AcrossRounds; deviationMs: Summary };
  agentAudioToOutput: LatencyFigures;
  bargeInToSilence: LatencyFigures;
  callMainThreadPercent: Summary;
  audio: { contextRate: number; baseLatencyMs: number; outputLatencyMs: number };
  continuous: {
    speechSeconds: number;
    underruns: number;
    gaps: number;
    longestSendGapMs: number;
    mainThread: { taskMs: number; durationMs: number; percent: number };
  };
  size: { wholeGzipBytes: number; eagerGzipBytes: number; entryGzipBytes: number };
  goals: VoiceGoal[];
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const spread = (s: Summary) => `${ms(s.median)} (p95 ${ms(s.p95)}, max ${ms(s.max)})`;

/** How many quanta the render thread computed after `interrupt()` before the silent one. */
function renderDelay(audioClock: Summary): string {
  return audioClock.max === 0
    ? "the first quantum rendered after `interrupt()` was silent every time"
    : `on the audio clock: ${ms(audioClock.median)} median, ${ms(audioClock.max)} max`;
}

/** The run: when, where, how loaded, how long. */
export function voiceRunLine(result: VoiceResult): string {
  const { quick, rounds, callSeconds, bargeInsPerRound, speechSeconds } = result.shape;
  return (
    `${runLine(result)}; ${quick ? "quick run, " : ""}${rounds} rounds of a ${callSeconds} s call and ${bargeInsPerRound} ` +
    `barge-ins, then ${speechSeconds} s of continuous agent speech; AudioContext at ` +
    `${result.audio.contextRate} Hz, output latency ${result.audio.outputLatencyMs} ms.`
  );
}

/** Every figure, one row each. */
export function voiceTable(result: VoiceResult): string {
  const { firstFrame, pacing, agentAudioToOutput: answer, bargeInToSilence: bargeIn } = result;
  const { continuous, size } = result;
  const rows = [
    [
      "microphone to first frame sent",
      `${spread(firstFrame.fromStartResolvedMs)} after \`start()\` resolved; ${ms(firstFrame.fromMicrophoneMs.median)} after the track joined the graph`,
      `median of ${firstFrame.fromStartResolvedMs.samples} calls; a frame holds ${pacing.nominalMs} ms of audio`,
    ],
    [
      "frame pacing (interval between frames sent)",
      `${ms(pacing.intervalMs.all.median)} median, p95 ${ms(pacing.intervalMs.all.p95)}; max deviation from ${pacing.nominalMs} ms: ${ms(pacing.deviationMs.median)} (median of the rounds' worst)`,
      `${pacing.intervalMs.all.samples.toLocaleString("en-US")} intervals`,
    ],
    [
      "agent audio in to the worklet's output",
      `${spread(answer.workletMs.all)}; audible (output latency included) ${ms(answer.audibleMs.all.median)}`,
      `${answer.workletMs.all.samples} answers; 60 ms prebuffer`,
    ],
    [
      "barge-in (`interrupt()`) to the worklet's silence",
      `${spread(bargeIn.workletMs.all)}; audible ${ms(bargeIn.audibleMs.all.median)}`,
      `${bargeIn.workletMs.all.samples} barge-ins; ${renderDelay(bargeIn.renderMs.all)}`,
    ],
    [
      `underruns in ${continuous.speechSeconds} s of agent speech`,
      `${continuous.underruns} (${continuous.gaps} gaps in the output)`,
      `loopback emulator, 200 ms ahead of real time; frames sent up to ${ms(continuous.longestSendGapMs)} apart (${result.pacing.nominalMs} ms nominal): the page's main thread, which passes agent audio on, stalled that long`,
    ],
    [
      "main-thread time, share of the call",
      `${continuous.mainThread.percent.toFixed(2)}% (${ms(continuous.mainThread.taskMs)} in ${(continuous.mainThread.durationMs / 1000).toFixed(1)} s)`,
      `talking and listening at once; ${result.callMainThreadPercent.median}% median over the ${result.callMainThreadPercent.samples} calls`,
    ],
    [
      "`agentcore-react/voice`, min+gzip",
      `${kB(size.entryGzipBytes)} without the worklet module; ${kB(size.wholeGzipBytes)} with it`,
      `${kB(size.eagerGzipBytes)} load with the entry when the app's bundler splits code`,
    ],
  ];
  return [
    "| measure | measured | |",
    "| --- | --- | --- |",
    ...rows.map((cells) => `| ${cells.join(" | ")} |`),
  ].join("\n");
}
