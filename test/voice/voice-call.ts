/**
 * What the voice browser tests share: a call against the emulator's voice agent over a codec,
 * the agent's account of what it received, and the capture rate measured from it.
 */
import { inject } from "vitest";
import { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import { bearerTokenProvider } from "../../src/providers/bearer-token-provider";
import type { AgentEvent } from "../../src/codecs/types";
import {
  AgentVoice,
  binaryPcmCodec,
  voiceTransport,
  type AgentVoiceOptions,
  type VoiceCodec,
} from "../../src/voice";
import type { VoiceInputStats } from "../../packages/emulator/src/agents/voice-audio";

const calls: { voice: AgentVoice; connection: AgentRuntimeConnection }[] = [];

/** Stops the calls the test made and closes their connections (call it in `afterEach`). */
export function endCalls(): void {
  for (const { voice, connection } of calls.splice(0)) {
    voice.stop();
    connection.close();
  }
}

/**
 * A call against the emulator's voice agent over `codec` (`agent`: the one that also makes a
 * tool call), with every event the connection decoded.
 */
export function call(
  options: Partial<AgentVoiceOptions> = {},
  codec: VoiceCodec = binaryPcmCodec(),
  agent: "voiceEmulator" | "voiceToolEmulator" = "voiceEmulator",
) {
  const { endpoint, runtimeArn, token } = inject(agent);
  const transport = options.transport ?? voiceTransport();
  const connection = new AgentRuntimeConnection({
    urlProvider: bearerTokenProvider({ runtimeArn, endpoint, getToken: () => token }),
    codec,
    WebSocket: transport.WebSocket,
  });
  const events: AgentEvent[] = [];
  connection.onEvent((event) => events.push(event));
  connection.connect();
  // The fake microphone plays a tone: voice barge-in stays off unless a test turns it on.
  const voice = new AgentVoice({ connection, transport, codec, bargeInLevel: false, ...options });
  calls.push({ voice, connection });
  return { voice, connection, transport, events };
}

/**
 * Samples a second as the agent received them, from its `[arrival ms, samples before]` list,
 * robust to a loaded machine: a stall of the page delays frames, then sends them in a burst, so
 * the rate is taken between the least-delayed frame of the first second and that of the last
 * (the frames that came as early as they could), skipping the call's first half second.
 */
export function arrivalRate(arrivals: [number, number][]): number {
  const start = (arrivals[0]?.[0] ?? 0) + 500;
  const end = arrivals.at(-1)?.[0] ?? 0;
  const lag = ([at, before]: [number, number]) => at - before / 16;
  const earliest = (points: [number, number][]) =>
    points.reduce((best, point) => (lag(point) < lag(best) ? point : best));
  const first = earliest(arrivals.filter(([at]) => at >= start && at < start + 1000));
  const last = earliest(arrivals.filter(([at]) => at > end - 1000));
  return (last[1] - first[1]) / ((last[0] - first[0]) / 1000);
}

/** What the agent says it received, with the protocol it told from the first frame. */
export type AgentStats = VoiceInputStats & { protocol?: string; arrivals?: [number, number][] };

/** Asks the agent what it received and waits for the answer. */
export async function agentStats(
  transport: ReturnType<typeof voiceTransport>,
  events: AgentEvent[],
  withArrivals = false,
): Promise<AgentStats> {
  const isStats = (event: AgentEvent) =>
    event.type === "custom" && (event.value as { type?: unknown } | undefined)?.type === "stats";
  const before = events.filter(isStats).length;
  expect(transport.send(JSON.stringify({ type: "stats", arrivals: withArrivals }))).toBe(true);
  await expect.poll(() => events.filter(isStats).length).toBeGreaterThan(before);
  const last = events.filter(isStats).at(-1);
  return (last?.type === "custom" ? last.value : undefined) as AgentStats;
}

/**
 * The frequency of a tone in `samples` at `rate`, from the median period between upward zero
 * crossings (interpolated between samples). A loaded machine can glitch the fake microphone: a
 * dropped or repeated buffer breaks one or two periods, which would skew a count of crossings
 * over the whole span but not the median.
 */
export function toneFrequency(samples: number[], rate: number): number {
  const crossings: number[] = [];
  for (let i = 1; i < samples.length; i++) {
    const before = samples[i - 1] ?? 0;
    const after = samples[i] ?? 0;
    if (before < 0 && after >= 0) crossings.push(i - 1 + before / (before - after));
  }
  const periods = crossings.slice(1).map((at, i) => at - (crossings[i] ?? 0));
  periods.sort((a, b) => a - b);
  const median = periods[Math.floor(periods.length / 2)] ?? Number.NaN;
  return rate / median;
}
