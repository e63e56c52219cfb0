import { defaultLabels, resolveLabels } from "./labels";

describe("resolveLabels", () => {
  it("returns the defaults when nothing is overridden", () => {
    expect(resolveLabels(undefined)).toBe(defaultLabels);
  });

  it("replaces only the given labels and ignores undefined ones", () => {
    const labels = resolveLabels({
      send: "Senden",
      stop: undefined,
      reconnecting: (s) => `Neu in ${s}`,
    });
    expect(labels.send).toBe("Senden");
    expect(labels.stop).toBe("Stop");
    expect(labels.reconnecting(3)).toBe("Neu in 3");
    expect(defaultLabels.send).toBe("Send");
  });

  it("words the countdown and the failure reason", () => {
    expect(defaultLabels.reconnecting(4)).toBe("Connection lost. Reconnecting in 4 s.");
    expect(defaultLabels.reconnecting(0)).toBe("Connection lost. Reconnecting…");
    expect(defaultLabels.failed(null)).toBe("Connection failed.");
    expect(defaultLabels.messageFailed(undefined)).toBe("Not delivered");
  });
});
