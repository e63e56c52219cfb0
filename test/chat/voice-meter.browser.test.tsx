import { cdp, userEvent } from "vitest/browser";
import { createMockVoice } from "../../src/react/components/test-utils/mock-voice";
import { mountChat, nextFrame } from "./browser-helpers";

async function setReducedMotion(reduce: boolean): Promise<void> {
  await cdp().send("Emulation.setEmulatedMedia", {
    features: [{ name: "prefers-reduced-motion", value: reduce ? "reduce" : "no-preference" }],
  });
}

/** The meter's fill, once the lazily loaded controls have rendered it. */
async function fill(): Promise<HTMLElement> {
  await expect.poll(() => document.querySelector(".acr-voice__level")).not.toBeNull();
  return document.querySelector<HTMLElement>(".acr-voice__level")!;
}

/** The meter's inside (its border excluded), where the fill is drawn. */
function track(level: HTMLElement): { left: number; right: number; width: number } {
  const meter = level.parentElement!;
  const left = meter.getBoundingClientRect().left + meter.clientLeft;
  return { left, right: left + meter.clientWidth, width: meter.clientWidth };
}

/** How much of the meter the fill covers, 0..1, from its drawn box. */
function drawnShare(level: HTMLElement): number {
  return level.getBoundingClientRect().width / track(level).width;
}

describe("the voice level meter in Chromium", () => {
  afterEach(async () => {
    await setReducedMotion(false);
  });

  it("fills with the microphone's level, from the start side, and follows it frame by frame", async () => {
    const voice = createMockVoice({ state: "listening", level: 0.25 });
    mountChat({ props: { voice } });
    const level = await fill();
    // 0.25 RMS reads 80% full.
    await expect.poll(() => drawnShare(level)).toBeCloseTo(0.8, 1);
    expect(level.getBoundingClientRect().left).toBeCloseTo(track(level).left, 0);
    voice.level = 0.01;
    await expect.poll(() => drawnShare(level)).toBeCloseTo(0.16, 1);
  });

  it("fills from the right in a right-to-left chat", async () => {
    const voice = createMockVoice({ state: "listening", level: 0.04 });
    mountChat({ props: { voice, dir: "rtl" } });
    const level = await fill();
    await expect.poll(() => drawnShare(level)).toBeCloseTo(0.32, 1);
    expect(level.getBoundingClientRect().right).toBeCloseTo(track(level).right, 0);
  });

  it("moves without a transition when motion is reduced", async () => {
    const voice = createMockVoice({ state: "listening", level: 0.25 });
    mountChat({ props: { voice } });
    const level = await fill();
    expect(getComputedStyle(level).transitionDuration).not.toBe("0s");
    await setReducedMotion(true);
    await nextFrame();
    expect(getComputedStyle(level).transitionDuration).toBe("0s");
  });

  it("the microphone is reached by Tab, shows its focus, and starts the call with Enter", async () => {
    const voice = createMockVoice();
    mountChat({ props: { voice } });
    await expect.poll(() => document.querySelector(".acr-composer__voice")).not.toBeNull();
    // Send is disabled while the input is empty: Tab goes from the input to the microphone.
    (document.querySelector("textarea") as HTMLElement).focus();
    await userEvent.keyboard("{Tab}");
    const microphone = document.activeElement as HTMLElement;
    expect(microphone).toHaveAccessibleName("Voice conversation");
    expect(getComputedStyle(microphone).outlineStyle).toBe("solid");
    await userEvent.keyboard("{Enter}");
    await expect.poll(() => microphone.getAttribute("aria-pressed")).toBe("true");
    expect(voice.calls.start).toBe(1);
  });
});
