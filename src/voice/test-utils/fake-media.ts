/**
 * Test doubles of the platform's microphones: `navigator.mediaDevices` with a list of inputs a
 * test plugs and unplugs (firing `devicechange`), and the streams `getUserMedia` opens on them.
 */

/** Resolves once the promise jobs queued so far (and those they queue) have run. */
export const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

/** An audio track on one input: `end()` is the device going away under it. */
export class FakeTrack extends EventTarget {
  enabled = true;
  readyState: "live" | "ended" = "live";

  constructor(
    readonly deviceId: string,
    readonly label: string,
  ) {
    super();
  }

  getSettings(): MediaTrackSettings {
    return { deviceId: this.deviceId };
  }

  stop(): void {
    this.readyState = "ended";
  }

  /** The device went away: the track ends and says so. */
  end(): void {
    this.readyState = "ended";
    this.dispatchEvent(new Event("ended"));
  }
}

export class FakeStream {
  constructor(readonly track: FakeTrack) {}

  getAudioTracks(): FakeTrack[] {
    return [this.track];
  }

  getTracks(): FakeTrack[] {
    return [this.track];
  }
}

/** `navigator.mediaDevices` over `inputs`; the first is the default. */
export class FakeMediaDevices extends EventTarget {
  readonly opened: FakeStream[] = [];
  /** The constraints of every `getUserMedia` call. */
  readonly requests: MediaTrackConstraints[] = [];

  constructor(public inputs: { deviceId: string; label: string }[]) {
    super();
  }

  async getUserMedia({ audio }: MediaStreamConstraints): Promise<MediaStream> {
    const constraints = typeof audio === "object" ? audio : {};
    this.requests.push(constraints);
    await Promise.resolve();
    const wanted = constraints.deviceId as { exact?: string } | undefined;
    const input = wanted?.exact
      ? this.inputs.find((each) => each.deviceId === wanted.exact)
      : this.inputs[0];
    if (!input) {
      const name = wanted?.exact ? "OverconstrainedError" : "NotFoundError";
      throw new DOMException("No such microphone", name);
    }
    const stream = new FakeStream(new FakeTrack(input.deviceId, input.label));
    this.opened.push(stream);
    return stream as unknown as MediaStream;
  }

  /** `enumerateDevices()` calls. */
  listings = 0;

  async enumerateDevices(): Promise<MediaDeviceInfo[]> {
    this.listings++;
    await Promise.resolve();
    return this.inputs.map(
      ({ deviceId, label }) =>
        ({ kind: "audioinput", deviceId, label, groupId: "" }) as MediaDeviceInfo,
    );
  }

  /** Removes the input and fires `devicechange`; the tracks on it end too when `endTracks`. */
  unplug(deviceId: string, endTracks = false): void {
    this.inputs = this.inputs.filter((input) => input.deviceId !== deviceId);
    if (endTracks) {
      for (const { track } of this.opened) {
        if (track.deviceId === deviceId && track.readyState === "live") track.end();
      }
    }
    this.dispatchEvent(new Event("devicechange"));
  }

  asMediaDevices(): MediaDevices {
    return this as unknown as MediaDevices;
  }
}
