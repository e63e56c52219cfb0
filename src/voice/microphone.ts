import { AgentVoiceError } from "./errors";
import type { VoiceDevice } from "./types";

/** What a {@link Microphone} needs: the platform's devices and what to tell the call. */
export interface MicrophoneOptions {
  media: MediaDevices;
  constraints: MediaTrackConstraints;
  /** The input changed to `stream` (the previous one is stopped right after). */
  onSwitch(stream: MediaStream): void;
  /** The input in use went away and no other could be opened. */
  onLost(error: AgentVoiceError): void;
}

/** `getUserMedia` for the input `deviceId` (the browser's default without one). */
export function requestMicrophone(
  media: MediaDevices,
  constraints: MediaTrackConstraints,
  deviceId: string | undefined,
): Promise<MediaStream> {
  const audio =
    deviceId === undefined ? constraints : { ...constraints, deviceId: { exact: deviceId } };
  return media.getUserMedia({ audio });
}

/** Releases the stream's devices. */
export function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/**
 * The microphone of a running call. It follows the input: when the device in use goes away
 * (its track ends, or `devicechange` lists it no more) it opens the default input and hands
 * the new stream on (`onSwitch`), so the call goes on; when none can be opened, it closes and
 * calls `onLost`. `use(deviceId)` switches on request.
 */
export class Microphone {
  readonly #options: MicrophoneOptions;
  #stream: MediaStream;
  #device: VoiceDevice | null = null;
  #enabled = true;
  #closed = false;
  /** Bumped by every switch, so a switch that finishes late knows it was overtaken. */
  #switches = 0;

  constructor(stream: MediaStream, options: MicrophoneOptions) {
    this.#options = options;
    this.#stream = stream;
    this.#adopt(stream);
    options.media.addEventListener("devicechange", this.#onDeviceChange);
  }

  /** The input in use: its `deviceId` and label (a new object after each switch). */
  get device(): VoiceDevice | null {
    return this.#device;
  }

  /** Whether the track is enabled (muted: not; the level then reads 0). */
  set enabled(enabled: boolean) {
    this.#enabled = enabled;
    for (const track of this.#stream.getAudioTracks()) track.enabled = enabled;
  }

  /**
   * Switches to the input `deviceId` (the default without one). Resolves `true` once the call
   * captures from it; `false` when it could not be opened (the input stays as it was) or the
   * microphone closed or switched again meanwhile.
   */
  async use(deviceId?: string): Promise<boolean> {
    const switchNumber = ++this.#switches;
    let stream: MediaStream;
    try {
      stream = await requestMicrophone(this.#options.media, this.#options.constraints, deviceId);
    } catch {
      return false;
    }
    if (this.#closed || switchNumber !== this.#switches) {
      stopTracks(stream);
      return false;
    }
    const previous = this.#stream;
    this.#stream = stream;
    this.#adopt(stream);
    this.#options.onSwitch(stream);
    this.#release(previous);
    return true;
  }

  /** Stops the tracks and stops following the devices. */
  close(): void {
    this.#closed = true;
    this.#options.media.removeEventListener("devicechange", this.#onDeviceChange);
    this.#release(this.#stream);
  }

  #adopt(stream: MediaStream): void {
    const [track] = stream.getAudioTracks();
    for (const each of stream.getAudioTracks()) {
      each.enabled = this.#enabled;
      each.addEventListener("ended", this.#onEnded);
    }
    const id = track?.getSettings().deviceId ?? "";
    this.#device = { id, label: track?.label ?? "" };
  }

  #release(stream: MediaStream): void {
    for (const track of stream.getAudioTracks()) track.removeEventListener("ended", this.#onEnded);
    stopTracks(stream);
  }

  readonly #onEnded = (): void => void this.#replace();

  readonly #onDeviceChange = async (): Promise<void> => {
    const devices = await this.#options.media.enumerateDevices().catch(() => []);
    // Read after the listing: a switch (the track's end) may have finished meanwhile.
    const id = this.#device?.id;
    const inputs = devices.filter((device) => device.kind === "audioinput");
    if (!this.#closed && id && !inputs.some((device) => device.deviceId === id)) {
      await this.#replace();
    }
  };

  /** The input in use went away: the default input, or the call has lost its microphone. */
  async #replace(): Promise<void> {
    const switches = this.#switches;
    if (await this.use()) return;
    // A switch asked for meanwhile decides; a closed microphone has nothing to lose.
    if (!this.#closed && this.#switches === switches + 1) {
      this.close();
      this.#options.onLost(new AgentVoiceError("device-lost"));
    }
  }
}
