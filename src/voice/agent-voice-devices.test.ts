import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AudioGraph } from "./audio-graph";
import { AgentVoice } from "./agent-voice";
import { voiceTransport } from "./voice-transport";
import { FakeMediaDevices } from "./test-utils/fake-media";

/** The call's audio graph, as a record of the inputs it was given. */
const graph = vi.hoisted(() => ({
  inputs: [] as MediaStream[],
  closed: 0,
}));

vi.mock("./audio-graph", () => ({
  openAudioGraph: async (stream: MediaStream): Promise<AudioGraph> => {
    graph.inputs.push(stream);
    return {
      context: { sampleRate: 48_000 } as AudioContext,
      setInput: (next) => graph.inputs.push(next),
      play: () => undefined,
      close: async () => {
        graph.closed++;
      },
    };
  },
}));

const BUILT_IN = { deviceId: "built-in", label: "Built-in Microphone" };
const HEADSET = { deviceId: "headset", label: "USB Headset" };
let media: FakeMediaDevices;

beforeEach(() => {
  graph.inputs = [];
  graph.closed = 0;
  media = new FakeMediaDevices([BUILT_IN, HEADSET]);
  vi.stubGlobal("navigator", { mediaDevices: media });
  vi.stubGlobal("AudioWorkletNode", class {});
});

afterEach(() => {
  vi.unstubAllGlobals();
});

function voiceCall(deviceId?: string) {
  const voice = new AgentVoice({
    connection: { onEvent: () => () => undefined },
    transport: voiceTransport(),
    deviceId,
  });
  const devices: (string | undefined)[] = [];
  voice.subscribe(() => devices.push(voice.getSnapshot().device?.id));
  return { voice, devices };
}

describe("AgentVoice: the microphone in use", () => {
  it("opens the deviceId option's input and shows it in the snapshot", async () => {
    const { voice } = voiceCall("headset");
    expect(voice.getSnapshot().device).toBeNull();
    await voice.start();
    expect(media.requests[0]).toMatchObject({ deviceId: { exact: "headset" } });
    expect(voice.getSnapshot()).toMatchObject({
      state: "listening",
      device: { id: "headset", label: "USB Headset" },
    });
  });

  it("setDevice switches inputs inside the same call: the graph captures from the new one", async () => {
    const { voice, devices } = voiceCall();
    await voice.start();
    const snapshot = voice.getSnapshot();
    expect(snapshot.device?.id).toBe("built-in");
    expect(await voice.setDevice("headset")).toBe(true);
    expect(graph.inputs).toEqual([media.opened[0], media.opened[1]]);
    expect(graph.closed).toBe(0);
    expect(voice.getSnapshot()).toMatchObject({ state: "listening", device: { id: "headset" } });
    expect(devices.at(-1)).toBe("headset");
    expect(media.opened[0]?.track.readyState).toBe("ended");
    // A device that cannot be opened leaves the call on its input.
    expect(await voice.setDevice("gone")).toBe(false);
    expect(voice.getSnapshot().device?.id).toBe("headset");
  });

  it("setDevice before a call chooses the input start() opens", async () => {
    const { voice } = voiceCall();
    expect(await voice.setDevice("headset")).toBe(true);
    await voice.start();
    expect(voice.getSnapshot().device?.id).toBe("headset");
  });

  it("setDevice while the call starts moves the call to that input once it runs", async () => {
    const { voice } = voiceCall();
    const starting = voice.start();
    expect(await voice.setDevice("headset")).toBe(true);
    await starting;
    expect(voice.getSnapshot()).toMatchObject({ state: "listening", device: { id: "headset" } });
    expect(graph.inputs).toHaveLength(2);
  });

  it("follows the default input when the one in use is unplugged, without a new call", async () => {
    const { voice } = voiceCall("headset");
    await voice.start();
    const states: string[] = [];
    voice.subscribe(() => states.push(voice.getSnapshot().state));
    media.unplug("headset", true);
    await vi.waitFor(() => expect(voice.getSnapshot().device?.id).toBe("built-in"));
    expect(graph.inputs).toHaveLength(2);
    expect(voice.getSnapshot().state).toBe("listening");
    // One change (the device), and the call never left listening.
    expect(states).toEqual(["listening"]);
  });

  it("fails with device-lost when no input is left, and releases the audio", async () => {
    media.inputs = [BUILT_IN];
    const { voice } = voiceCall();
    await voice.start();
    media.unplug("built-in", true);
    await vi.waitFor(() => expect(voice.getSnapshot().state).toBe("failed"));
    expect(voice.getSnapshot()).toMatchObject({ error: { code: "device-lost" }, device: null });
    expect(graph.closed).toBe(1);
  });

  it("shows no device once stopped", async () => {
    const { voice } = voiceCall();
    await voice.start();
    voice.stop();
    expect(voice.getSnapshot()).toMatchObject({ state: "stopped", device: null });
    expect(media.opened[0]?.track.readyState).toBe("ended");
  });
});
