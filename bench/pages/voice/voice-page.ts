/**
 * The voice bench's page: one `AgentVoice` call at a time against the emulator's voice agent,
 * with Chromium's fake microphone. The library runs as shipped; the page only watches it:
 * timestamps of the audio frames handed to the socket (a wrapped transport), of the agent's
 * events (a listener on the connection), of the microphone joining the graph, and the context
 * time at which the playback worklet's output turns to sound or to silence (a probe worklet fed
 * by the playback node, found by wrapping the AudioContext and AudioWorkletNode constructors).
 * Node reads the log (`window.voiceBench.log()`) and does the arithmetic.
 */
import { AgentRuntimeConnection } from "../../../src/connection/agent-runtime-connection";
import { bearerTokenProvider } from "../../../src/providers/bearer-token-provider";
import {
  AgentVoice,
  binaryPcmCodec,
  voiceTransport,
  VOICE_EVENT,
  type VoiceSnapshot,
  type VoiceStats,
} from "../../../src/voice";
import type { Moment, Transition } from "../../lib/voice-stats";
import { OUTPUT_PROBE_NAME, OUTPUT_PROBE_SOURCE, type ProbeTransition } from "./output-probe";

/** Where the agent is. */
export interface VoicePageSetup {
  endpoint: string;
  runtimeArn: string;
  token: string;
}

/** Everything the page saw of one call. */
export interface VoiceCallLog {
  startCalledAt: number;
  startResolvedAt: number;
  /** When the library connected the microphone's track to the graph. */
  microphoneConnectedAt: number | null;
  framesSentAt: number[];
  /** The first agent audio frame of each answer (the first after an assistant transcript). */
  answerStarts: Moment[];
  interrupts: Moment[];
  transitions: Transition[];
  contextRate: number;
  baseLatency: number;
  outputLatency: number;
}

/** What the page offers Node. */
export interface VoiceBenchPage {
  open(setup: VoicePageSetup): Promise<void>;
  start(): Promise<VoiceSnapshot>;
  interrupt(): void;
  stop(): void;
  log(): VoiceCallLog;
  stats(): VoiceStats;
  snapshot(): VoiceSnapshot;
  /** Whether the playback worklet's output is sounding now, as the probe last said. */
  sounding(): boolean;
  probeErrors: string[];
}

const contexts: AudioContext[] = [];
const playbackNodes: AudioWorkletNode[] = [];
let microphoneConnectedAt: number | null = null;

const NativeContext = window.AudioContext;
window.AudioContext = class extends NativeContext {
  constructor(options?: AudioContextOptions) {
    super(options);
    contexts.push(this);
  }

  override createMediaStreamSource(stream: MediaStream): MediaStreamAudioSourceNode {
    microphoneConnectedAt = performance.now();
    return super.createMediaStreamSource(stream);
  }
};
const NativeNode = window.AudioWorkletNode;
window.AudioWorkletNode = class extends NativeNode {
  constructor(context: BaseAudioContext, name: string, options?: AudioWorkletNodeOptions) {
    super(context, name, options);
    if (name === "agentcore-voice-playback") playbackNodes.push(this);
  }
};

let call: { voice: AgentVoice; connection: AgentRuntimeConnection } | undefined;
let log: VoiceCallLog = emptyLog();
let sounding = false;
const probeErrors: string[] = [];

function emptyLog(): VoiceCallLog {
  return {
    startCalledAt: 0,
    startResolvedAt: 0,
    microphoneConnectedAt: null,
    framesSentAt: [],
    answerStarts: [],
    interrupts: [],
    transitions: [],
    contextRate: 0,
    baseLatency: 0,
    outputLatency: 0,
  };
}

function moment(): Moment {
  return { at: performance.now(), contextTime: contexts.at(-1)?.currentTime ?? NaN };
}

/** Connects the probe behind the call's playback node. */
async function attachProbe(): Promise<void> {
  const context = contexts.at(-1);
  const playback = playbackNodes.at(-1);
  if (!context || !playback) throw new Error("the call made no AudioContext or playback node");
  const url = URL.createObjectURL(new Blob([OUTPUT_PROBE_SOURCE], { type: "text/javascript" }));
  await context.audioWorklet.addModule(url);
  URL.revokeObjectURL(url);
  const probe = new NativeNode(context, OUTPUT_PROBE_NAME);
  probe.port.onmessage = (event: MessageEvent<ProbeTransition>) => {
    sounding = event.data.sounding;
    const { contextTime, performanceTime } = context.getOutputTimestamp();
    // When the quantum reaches the output device, on the page's clock.
    const outputAt =
      (performanceTime ?? NaN) + (event.data.contextTime - (contextTime ?? NaN)) * 1000;
    log.transitions.push({ ...event.data, receivedAt: performance.now(), outputAt });
  };
  probe.onprocessorerror = () => probeErrors.push("the probe failed");
  playback.connect(probe);
  // Connected so the graph keeps pulling it; it outputs silence.
  probe.connect(context.destination);
  log.contextRate = context.sampleRate;
  log.baseLatency = context.baseLatency;
  log.outputLatency = context.outputLatency;
}

function listen(connection: AgentRuntimeConnection): void {
  let answering = false;
  connection.onEvent((event) => {
    if (event.type !== "custom") return;
    if (event.name === VOICE_EVENT.transcript) {
      const role = (event.value as { role?: string } | undefined)?.role;
      if (role === "assistant") answering = true;
    } else if (event.name === VOICE_EVENT.audio && answering) {
      answering = false;
      log.answerStarts.push(moment());
    }
  });
}

const bench: VoiceBenchPage = {
  async open(setup) {
    const inner = voiceTransport();
    const transport = {
      WebSocket: inner.WebSocket,
      send(frame: string | ArrayBuffer) {
        const sent = inner.send(frame);
        if (sent && typeof frame !== "string") log.framesSentAt.push(performance.now());
        return sent;
      },
    };
    const connection = new AgentRuntimeConnection({
      urlProvider: bearerTokenProvider({
        runtimeArn: setup.runtimeArn,
        endpoint: setup.endpoint,
        getToken: () => setup.token,
      }),
      codec: binaryPcmCodec(),
      WebSocket: transport.WebSocket,
    });
    listen(connection);
    connection.connect();
    await new Promise<void>((resolve) => {
      const stop = connection.subscribe(() => {
        if (connection.getSnapshot().status !== "open") return;
        stop();
        resolve();
      });
    });
    // The fake microphone plays a steady tone: barge-in by voice would cut every answer short.
    call = { voice: new AgentVoice({ connection, transport, bargeInLevel: false }), connection };
  },
  async start() {
    if (!call) throw new Error("open() first");
    log = emptyLog();
    sounding = false;
    log.startCalledAt = performance.now();
    await call.voice.start();
    log.startResolvedAt = performance.now();
    log.microphoneConnectedAt = microphoneConnectedAt;
    if (call.voice.getSnapshot().state === "listening") await attachProbe();
    return call.voice.getSnapshot();
  },
  interrupt() {
    log.interrupts.push(moment());
    call?.voice.interrupt();
  },
  stop() {
    call?.voice.stop();
    call?.connection.close();
    call = undefined;
  },
  log: () => log,
  stats: () => call?.voice.stats ?? ({} as VoiceStats),
  snapshot: () => call!.voice.getSnapshot(),
  sounding: () => sounding,
  probeErrors,
};

(window as unknown as { voiceBench: VoiceBenchPage }).voiceBench = bench;
