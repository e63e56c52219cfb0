import { agentStats, call, endCalls } from "./voice-call";

afterEach(() => {
  endCalls();
  vi.restoreAllMocks();
});

/** Records every stream `getUserMedia` opens; `failAfter`: calls after that many reject. */
function watchGetUserMedia(failAfter = Infinity) {
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  const streams: MediaStream[] = [];
  vi.spyOn(navigator.mediaDevices, "getUserMedia").mockImplementation(async (constraints) => {
    if (streams.length >= failAfter) throw new DOMException("Gone", "NotFoundError");
    const stream = await getUserMedia(constraints);
    streams.push(stream);
    return stream;
  });
  return streams;
}

/** Waits until the call has sent `more` frames beyond what it had sent when called. */
async function framesFlow(voice: ReturnType<typeof call>["voice"], more = 10) {
  const sent = voice.stats.framesSent;
  await expect.poll(() => voice.stats.framesSent, { timeout: 20_000 }).toBeGreaterThan(sent + more);
}

describe("AgentVoice's microphone in Chromium, changing mid-call", () => {
  it("setDevice moves the call to another input: same call, frames keep reaching the agent", async () => {
    const streams = watchGetUserMedia();
    const { voice, transport, events } = call();
    await voice.start();
    await framesFlow(voice, 3);
    const first = voice.getSnapshot().device;
    const inputs = (await navigator.mediaDevices.enumerateDevices()).filter(
      (device) => device.kind === "audioinput" && device.deviceId !== first?.id,
    );
    const other = inputs.find((device) => device.deviceId !== "default") ?? inputs[0];
    expect(other).toBeDefined();
    const contextRate = voice.stats.contextRate;
    const before = await agentStats(transport, events);
    expect(await voice.setDevice(other?.deviceId ?? "")).toBe(true);
    console.warn(`voice device: "${first?.label ?? ""}" -> "${other?.label ?? ""}" mid-call`);
    expect(voice.getSnapshot()).toMatchObject({
      state: "listening",
      device: { id: other?.deviceId, label: other?.label },
    });
    expect(streams).toHaveLength(2);
    expect(streams[0]?.getAudioTracks()[0]?.readyState).toBe("ended");
    await framesFlow(voice);
    // The same call on the same socket: counters and the agent's count go on, not from zero.
    expect(voice.stats.contextRate).toBe(contextRate);
    const after = await agentStats(transport, events);
    expect(after.firstFrameAt).toBe(before.firstFrameAt);
    expect(after.frames).toBeGreaterThan(before.frames + 10);
  });

  it("follows the default input when the track in use ends, without failing", async () => {
    const streams = watchGetUserMedia();
    const { voice } = call();
    await voice.start();
    await framesFlow(voice, 3);
    const track = streams[0]?.getAudioTracks()[0];
    track?.dispatchEvent(new Event("ended"));
    await expect.poll(() => streams.length).toBe(2);
    await framesFlow(voice);
    expect(voice.getSnapshot()).toMatchObject({ state: "listening", error: null });
    expect(voice.getSnapshot().device?.id).toBe(
      streams[1]?.getAudioTracks()[0]?.getSettings().deviceId,
    );
    expect(track?.readyState).toBe("ended");
  });

  it("shows a microphone lost with no input left as failed with device-lost, and releases it", async () => {
    const streams = watchGetUserMedia(1);
    const { voice } = call();
    await voice.start();
    const track = streams[0]?.getAudioTracks()[0];
    expect(track?.getSettings()).toMatchObject({ echoCancellation: true });
    track?.dispatchEvent(new Event("ended"));
    await expect.poll(() => voice.getSnapshot().state).toBe("failed");
    expect(voice.getSnapshot()).toMatchObject({ error: { code: "device-lost" }, device: null });
    expect(track?.readyState).toBe("ended");
  });
});
