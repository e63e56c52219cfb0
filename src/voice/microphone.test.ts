import { describe, expect, it, vi } from "vitest";
import { Microphone, requestMicrophone } from "./microphone";
import { FakeMediaDevices, settled, type FakeStream } from "./test-utils/fake-media";

const BUILT_IN = { deviceId: "built-in", label: "Built-in Microphone" };
const HEADSET = { deviceId: "headset", label: "USB Headset" };

/** A microphone opened on `deviceId`, with what it told the call. */
async function microphoneOn(deviceId: string | undefined, inputs = [BUILT_IN, HEADSET]) {
  const media = new FakeMediaDevices(inputs);
  const stream = await requestMicrophone(media.asMediaDevices(), {}, deviceId);
  const switched: MediaStream[] = [];
  const onLost = vi.fn();
  const microphone = new Microphone(stream, {
    media: media.asMediaDevices(),
    constraints: { echoCancellation: true },
    onSwitch: (next) => switched.push(next),
    onLost,
  });
  const track = (index: number) => (media.opened[index] as FakeStream).track;
  return { media, microphone, switched, onLost, track };
}

describe("Microphone", () => {
  it("asks for the input it is given, exactly, and tells which one it captures from", async () => {
    const { media, microphone } = await microphoneOn("headset");
    expect(media.requests).toEqual([{ deviceId: { exact: "headset" } }]);
    expect(microphone.device).toEqual({ id: "headset", label: "USB Headset" });
  });

  it("switches to the default input when the one in use is unplugged (devicechange)", async () => {
    const { media, microphone, switched, onLost, track } = await microphoneOn("headset");
    media.unplug("headset");
    await vi.waitFor(() => expect(switched).toHaveLength(1));
    expect(switched[0]).toBe(media.opened[1]);
    expect(microphone.device).toEqual({ id: "built-in", label: "Built-in Microphone" });
    // The default input, with the call's constraints; the old track is released.
    expect(media.requests[1]).toEqual({ echoCancellation: true });
    expect(track(0).readyState).toBe("ended");
    expect(track(1).readyState).toBe("live");
    expect(onLost).not.toHaveBeenCalled();
  });

  it("switches when the track ends under it, once even when devicechange follows", async () => {
    const { media, switched, track } = await microphoneOn("headset");
    media.unplug("headset", true);
    await vi.waitFor(() => expect(switched).toHaveLength(1));
    expect(media.listings).toBe(1);
    await settled();
    expect(switched).toHaveLength(1);
    expect(media.opened.filter(({ track: t }) => t.readyState === "live")).toEqual([
      media.opened.at(-1),
    ]);
    expect(track(0).readyState).toBe("ended");
  });

  it("leaves a devicechange that keeps its input alone", async () => {
    const { media, switched } = await microphoneOn("built-in");
    media.unplug("headset");
    expect(media.listings).toBe(1);
    await settled();
    expect(switched).toEqual([]);
    expect(media.requests).toHaveLength(1);
  });

  it("reports device-lost when the last input goes away", async () => {
    const { media, onLost, switched } = await microphoneOn(undefined, [BUILT_IN]);
    media.unplug("built-in", true);
    await vi.waitFor(() => expect(onLost).toHaveBeenCalledTimes(1));
    expect(onLost.mock.calls[0]?.[0]).toMatchObject({ code: "device-lost" });
    expect(switched).toEqual([]);
    // Once, though both the track's end and devicechange said so; then it follows nothing.
    await settled();
    media.inputs = [HEADSET];
    media.unplug("none");
    await settled();
    expect(onLost).toHaveBeenCalledTimes(1);
    expect(media.opened).toHaveLength(1);
  });

  it("switches on request, and keeps its input when the one asked for cannot be opened", async () => {
    const { media, microphone, switched, track } = await microphoneOn(undefined);
    expect(await microphone.use("headset")).toBe(true);
    expect(switched).toEqual([media.opened[1]]);
    expect(microphone.device?.id).toBe("headset");
    expect(track(0).readyState).toBe("ended");
    expect(await microphone.use("gone")).toBe(false);
    expect(microphone.device?.id).toBe("headset");
    expect(track(1).readyState).toBe("live");
  });

  it("keeps a muted call muted on the new input", async () => {
    const { microphone, track } = await microphoneOn(undefined);
    microphone.enabled = false;
    expect(track(0).enabled).toBe(false);
    await microphone.use("headset");
    expect(track(1).enabled).toBe(false);
  });

  it("once closed, releases its track and no longer follows the devices", async () => {
    const { media, microphone, switched, onLost, track } = await microphoneOn("headset");
    microphone.close();
    expect(track(0).readyState).toBe("ended");
    media.unplug("headset");
    media.unplug("built-in");
    expect(media.listings).toBe(0);
    await settled();
    expect(switched).toEqual([]);
    expect(onLost).not.toHaveBeenCalled();
    expect(media.requests).toHaveLength(1);
  });

  it("drops a switch the call was closed during", async () => {
    const { media, microphone, switched } = await microphoneOn(undefined);
    const using = microphone.use("headset");
    microphone.close();
    expect(await using).toBe(false);
    expect(switched).toEqual([]);
    expect(media.opened.every(({ track }) => track.readyState === "ended")).toBe(true);
  });
});
