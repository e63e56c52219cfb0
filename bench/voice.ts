/**
 * `npm run bench:voice`: a voice call measured in Chromium with its fake microphone against the
 * emulator's voice agent (binary PCM codec, the library's defaults: 40 ms frames at 16 kHz,
 * 24 kHz agent audio, 60 ms prebuffer). Three scenarios, each on fresh pages:
 *
 * - calls (BENCH_ROUNDS, default 5, of BENCH_VOICE_CALL_SECONDS, default 10): start() to the
 *   first audio frame on the socket, the pacing of the frames sent, the agent's first audio of
 *   each answer to the playback worklet's output turning to sound, main-thread time;
 * - barge-in (BENCH_VOICE_BARGE_INS, default 20, per round): interrupt() while the agent
 *   speaks to the worklet's output turning silent;
 * - continuous speech (BENCH_VOICE_SECONDS, default 60): one answer that long, its underruns
 *   and gaps, and the main thread's share of the call.
 *
 * Plus the subpath's size. Writes bench/results/voice.json with the goals, met or not.
 * `--quick` shortens every knob (`npm run bench` runs it, after bench:size has built dist/); set
 * BENCH_VOICE_SKIP_BUILD=1 when dist/ is fresh.
 */
import { execFileSync } from "node:child_process";
import { setTimeout as delay } from "node:timers/promises";
import type { Browser } from "playwright-core";
import { sampleLoad } from "./lib/load";
import { mainThreadDelta, mainThreadTime } from "./lib/page";
import { writeResult } from "./lib/results";
import { summarize } from "./lib/stats";
import {
  acrossRounds,
  intervals,
  latenciesToTurn,
  pacing,
  percentOf,
  silencesWithin,
  voiceGoals,
  type OutputLatency,
} from "./lib/voice-stats";
import { voiceEntrySize } from "./lib/voice-size";
import {
  bundleVoicePage,
  launchWithMicrophone,
  openVoicePage,
  startPageServer,
  startVoiceAgent,
} from "./voice-rig";
import type { VoiceCallLog } from "./pages/voice/voice-page";

/** `--quick` (what `npm run bench` runs): 3 rounds of 5 s calls and 10 barge-ins, 10 s of speech. */
const QUICK = process.argv.includes("--quick");
const knob = (name: string, documented: number, quick: number) =>
  Number(process.env[name] ?? (QUICK ? quick : documented));
const ROUNDS = knob("BENCH_ROUNDS", 5, 3);
const CALL_SECONDS = knob("BENCH_VOICE_CALL_SECONDS", 10, 5);
const BARGE_INS = knob("BENCH_VOICE_BARGE_INS", 20, 10);
const SPEECH_SECONDS = knob("BENCH_VOICE_SECONDS", 60, 10);
const FRAME_MS = 40;

interface Rig {
  browser: Browser;
  code: string;
  pageUrl: string;
}

/** Opens a page, starts a call against `agent`, runs `during`, and gives back the page's log. */
async function withCall<T>(
  rig: Rig,
  agent: Parameters<typeof startVoiceAgent>[0],
  during: (page: Awaited<ReturnType<typeof openVoicePage>>) => Promise<T>,
): Promise<T & { log: VoiceCallLog; errors: string[] }> {
  const emulator = await startVoiceAgent(agent);
  const page = await openVoicePage(rig.browser, rig.code, rig.pageUrl, emulator.setup);
  try {
    const snapshot = await page.call("start");
    if (snapshot.state !== "listening")
      throw new Error(`the call did not start: ${snapshot.state}`);
    const figures = await during(page);
    const log = await page.call("log");
    const probeErrors = await page.page.evaluate("window.voiceBench.probeErrors");
    const errors = [...page.errors, ...(probeErrors as string[])];
    await page.call("stop");
    return { ...figures, log, errors };
  } finally {
    await page.close();
    await emulator.close();
  }
}

/** A call of CALL_SECONDS; the agent answers each second it hears with a 1.5 s tone. */
async function callRound(rig: Rig) {
  const round = await withCall(rig, { replyAfterSamples: 16_000, replyMs: 1_500 }, async (page) => {
    const before = await mainThreadTime(page.cdp);
    const started = performance.now();
    await delay(CALL_SECONDS * 1000);
    const mainThread = mainThreadDelta(before, await mainThreadTime(page.cdp));
    return { mainThreadPercent: percentOf(mainThread.taskMs, performance.now() - started) };
  });
  const { log } = round;
  const first = log.framesSentAt[0] ?? NaN;
  return {
    ...round,
    fromStartResolvedMs: first - log.startResolvedAt,
    fromMicrophoneMs: first - (log.microphoneConnectedAt ?? NaN),
    answers: latenciesToTurn(log.answerStarts, log.transitions, true),
  };
}

/** BARGE_INS interrupts, each a little further into an answer (150 to 350 ms). */
async function bargeInRound(rig: Rig) {
  const round = await withCall(rig, { replyAfterSamples: 8_000, replyMs: 3_000 }, async (page) => {
    for (let i = 0; i < BARGE_INS; i++) {
      await page.until("voiceBench.sounding()", 20_000, 20);
      await delay(150 + (i % 5) * 50);
      await page.call("interrupt");
      await page.until("!voiceBench.sounding()", 5_000, 20);
    }
    return {};
  });
  return {
    ...round,
    bargeIns: latenciesToTurn(round.log.interrupts, round.log.transitions, false),
  };
}

/** One answer of SPEECH_SECONDS while the microphone keeps sending: underruns, main thread. */
async function continuousSpeech(rig: Rig) {
  const replyMs = SPEECH_SECONDS * 1000;
  const run = await withCall(rig, { replyAfterSamples: 16_000, replyMs }, async (page) => {
    await page.until("voiceBench.sounding()", 30_000, 200);
    const before = await mainThreadTime(page.cdp);
    const started = performance.now();
    await delay(replyMs);
    await page.until("!voiceBench.sounding()", 60_000, 200);
    const mainThread = mainThreadDelta(before, await mainThreadTime(page.cdp));
    const durationMs = performance.now() - started;
    const stats = await page.call("stats");
    return { mainThread, durationMs, stats };
  });
  const { stats, log } = run;
  return {
    speechSeconds: SPEECH_SECONDS,
    underruns: stats.underruns,
    /** Turns to silence in the worklet's output while the answer played (a tone has none). */
    gaps: silencesWithin(log.transitions),
    /** The longest wait between two frames sent: how long the page's main thread stalled. */
    longestSendGapMs: Math.max(...intervals(log.framesSentAt)),
    playedSeconds: Math.round((stats.played / stats.contextRate) * 100) / 100,
    framesSent: stats.framesSent,
    framesDropped: stats.framesDropped,
    mainThread: {
      ...run.mainThread,
      durationMs: Math.round(run.durationMs),
      percent: percentOf(run.mainThread.taskMs, run.durationMs),
    },
    pageErrors: run.errors,
  };
}

function latencySummary(rounds: { samples: OutputLatency[]; skipped: number }[]) {
  return {
    workletMs: acrossRounds(rounds.map((r) => r.samples.map((s) => s.workletMs))),
    audibleMs: acrossRounds(rounds.map((r) => r.samples.map((s) => s.audibleMs))),
    renderMs: acrossRounds(rounds.map((r) => r.samples.map((s) => s.renderMs))),
    skipped: rounds.reduce((sum, r) => sum + r.skipped, 0),
  };
}

async function measureCalls(rig: Rig) {
  const calls = [];
  const bargeIns = [];
  for (let round = 0; round < ROUNDS; round++) {
    const call = await callRound(rig);
    calls.push(call);
    const bargeIn = await bargeInRound(rig);
    bargeIns.push(bargeIn);
    const bargeMs = bargeIn.bargeIns.samples.map((s) => s.workletMs);
    console.log(
      `round ${round + 1}: first frame ${call.fromStartResolvedMs.toFixed(1)} ms after start(),` +
        ` ${call.log.framesSentAt.length} frames, ${call.answers.samples.length} answers,` +
        ` main thread ${call.mainThreadPercent}%, barge-in median ${summarize(bargeMs).median} ms`,
    );
  }
  const perRoundPacing = calls.map((call) => pacing(call.log.framesSentAt, FRAME_MS));
  const all = calls.map((call) => call.log.framesSentAt);
  return {
    firstFrame: {
      fromStartResolvedMs: acrossRounds(calls.map((c) => [c.fromStartResolvedMs])).all,
      fromMicrophoneMs: acrossRounds(calls.map((c) => [c.fromMicrophoneMs])).all,
    },
    pacing: {
      nominalMs: FRAME_MS,
      intervalMs: acrossRounds(all.map((times) => times.slice(1).map((t, i) => t - times[i]!))),
      deviationMs: summarize(perRoundPacing.flatMap((p) => [p.deviationMs.max])),
      perRound: perRoundPacing,
    },
    agentAudioToOutput: latencySummary(calls.map((c) => c.answers)),
    bargeInToSilence: latencySummary(bargeIns.map((b) => b.bargeIns)),
    callMainThreadPercent: summarize(calls.map((c) => c.mainThreadPercent)),
    audio: {
      contextRate: calls[0]?.log.contextRate,
      baseLatencyMs: Math.round((calls[0]?.log.baseLatency ?? NaN) * 1e4) / 10,
      outputLatencyMs: Math.round((calls[0]?.log.outputLatency ?? NaN) * 1e4) / 10,
    },
    pageErrors: [...calls, ...bargeIns].flatMap((r) => r.errors),
  };
}

async function main() {
  const load = sampleLoad();
  if (process.env.BENCH_VOICE_SKIP_BUILD !== "1" && !QUICK)
    execFileSync("npm", ["run", "build"], { stdio: "ignore" });
  const size = await voiceEntrySize();
  const [code, server, browser] = await Promise.all([
    bundleVoicePage(),
    startPageServer(),
    launchWithMicrophone(),
  ]);
  const rig = { browser, code, pageUrl: server.url };
  try {
    const calls = await measureCalls(rig);
    const continuous = await continuousSpeech(rig);
    console.log(
      `continuous: ${continuous.underruns} underruns, ${continuous.gaps} gaps in ${SPEECH_SECONDS} s,` +
        ` main thread ${continuous.mainThread.percent}%`,
    );
    const goals = voiceGoals({
      bargeIn: calls.bargeInToSilence.workletMs.all,
      underruns: continuous.underruns,
      speechSeconds: SPEECH_SECONDS,
      mainThreadPercent: continuous.mainThread.percent,
      entryGzipBytes: size.entryGzipBytes,
    });
    const path = writeResult("voice", {
      browser: `Chromium ${browser.version()} (headless, fake microphone and audio output)`,
      shape: {
        quick: QUICK,
        rounds: ROUNDS,
        callSeconds: CALL_SECONDS,
        bargeInsPerRound: BARGE_INS,
        speechSeconds: SPEECH_SECONDS,
      },
      load: load.stop(),
      ...calls,
      continuous,
      size,
      goals,
    });
    for (const goal of goals)
      console.log(`${goal.met ? "met   " : "MISSED"} ${goal.goal}: ${goal.measured}`);
    console.log(`written to ${path}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
