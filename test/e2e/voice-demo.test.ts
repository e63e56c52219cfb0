import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoConfig } from "../../examples/src/demo-config";
import { chromiumLaunchOptions } from "../support/chromium-launch";
import { fakeMicrophoneFlags, sineWav } from "../voice/fake-microphone";
import { newContext, newPage, pageErrors, SCREENSHOT_DIR } from "./support/browser";
import { DemoPage } from "./support/demo-page";
import { StartScript } from "./support/start-script";

/**
 * `npm start -- --agent voice`: the demo in voice mode against the emulator's voice agent, in
 * Chromium with a fake microphone. The user clicks the microphone, their speech (a short tone,
 * then silence) reaches the agent, both transcripts show as messages, the agent's answer
 * plays, and Interrupt silences it.
 */

const MICROPHONE_WAV = join(
  dirname(fileURLToPath(import.meta.url)),
  "../../test-results/voice/demo-microphone.wav",
);

/**
 * 20 s, looped: 0.6 s of a 1 kHz tone (the user speaking), then silence, so the agent's answer
 * plays with nobody talking over it (the voice barge-in would stop it before the click).
 */
function writeMicrophone(): void {
  const rate = 48_000;
  const wav = sineWav(20, rate);
  wav.fill(0, 44 + Math.round(0.6 * rate) * 2);
  mkdirSync(dirname(MICROPHONE_WAV), { recursive: true });
  writeFileSync(MICROPHONE_WAV, wav);
}

let browser: Browser | undefined;
let script: StartScript | undefined;

beforeAll(async () => {
  writeMicrophone();
  browser = await chromium.launch({
    ...chromiumLaunchOptions,
    headless: true,
    args: [...chromiumLaunchOptions.args, ...fakeMicrophoneFlags(MICROPHONE_WAV)],
  });
  script = new StartScript([
    ...["--port", "0", "--backend-port", "0", "--emulator-port", "0"],
    ...["--agent", "voice", "--quiet"],
  ]);
});

afterAll(async () => {
  await browser?.close();
  await script?.stop("SIGKILL");
});

/** The voice card of the side panel: the call's counters, as numbers. */
async function voiceStats(page: Page) {
  const card = page.getByTestId("voice-stats");
  const read = async (name: string) => Number(await card.getAttribute(`data-${name}`));
  return {
    state: await card.getAttribute("data-state"),
    played: await read("played"),
    queued: await read("queued"),
    flushes: await read("flushes"),
  };
}

/**
 * Clicks Interrupt and measures, in the page, the milliseconds from the click to the call's
 * report that the agent's audio stopped (the call's state back to `listening`).
 */
async function interruptAndTimeSilence(page: Page): Promise<number> {
  await page.evaluate(() => {
    const timing: { clickedAt?: number; silentAt?: number } = {};
    Object.assign(window, { __voiceTiming: timing });
    document.addEventListener(
      "click",
      (event) => {
        if ((event.target as Element).closest(".acr-voice__interrupt"))
          timing.clickedAt = performance.now();
      },
      { capture: true },
    );
    const panel = document.querySelector(".acr-voice");
    new MutationObserver(() => {
      if (timing.clickedAt !== undefined && panel?.getAttribute("data-state") === "listening")
        timing.silentAt ??= performance.now();
    }).observe(panel as Element, { attributes: true, attributeFilter: ["data-state"] });
  });
  await page.getByRole("button", { name: "Interrupt" }).click();
  const handle = await page.waitForFunction(() => {
    const timing = (
      window as unknown as { __voiceTiming: { clickedAt?: number; silentAt?: number } }
    ).__voiceTiming;
    return timing.silentAt !== undefined && timing.clickedAt !== undefined
      ? timing.silentAt - timing.clickedAt
      : false;
  });
  return (await handle.jsonValue()) as number;
}

describe("npm start -- --agent voice", () => {
  it("talks with the agent: transcripts as messages, its answer plays, Interrupt silences it", async () => {
    if (!script || !browser) throw new Error("not started");
    const [, appUrl] = await script.waitForOutput(/Open (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(script.stdout).toContain("local AgentCore Runtime emulator, voice agent");
    const config = (await (await fetch(new URL("/demo-config.json", appUrl))).json()) as DemoConfig;
    expect(config).toMatchObject({ mode: "emulator", voice: true, delivery: false });

    const context = await newContext(browser);
    const demo = await new DemoPage(await newPage(context)).open(appUrl as string);
    const { page } = demo;
    await demo.waitForStatus("open");
    await expect(page.getByTestId("voice-mode").textContent()).resolves.toBe("Voice mode");

    const microphone = page.getByRole("button", { name: "Voice conversation" });
    await microphone.click();
    await expect.poll(() => microphone.getAttribute("aria-pressed")).toBe("true");

    // What the agent heard, then its answer, as messages of the conversation.
    await demo.userMessages().first().waitFor({ timeout: 30_000 });
    await expect(demo.userMessages().first().textContent()).resolves.toMatch(/s of audio/);
    await demo.assistantMessages().first().waitFor({ timeout: 30_000 });
    await expect(demo.assistantMessages().first().textContent()).resolves.toMatch(
      /Answer 1: a 440 Hz tone/,
    );

    // The answer plays: the status says so, Interrupt shows, and agent audio is played out.
    const status = page
      .getByRole("group", { name: "Voice conversation controls" })
      .locator(".acr-voice__status");
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toBe("Agent speaking");
    await expect
      .poll(async () => (await voiceStats(page)).played, { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect((await voiceStats(page)).flushes).toBe(0);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: `${SCREENSHOT_DIR}voice-demo-speaking.png` });

    const ms = await interruptAndTimeSilence(page);
    console.warn(`voice demo: Interrupt click to silence ${ms.toFixed(1)} ms`);
    expect(ms).toBeLessThanOrEqual(500);
    // Focus stays in the call's controls; the queue is empty and the flush counted.
    await expect(
      page.evaluate(() => document.activeElement?.classList.contains("acr-voice__mute")),
    ).resolves.toBe(true);
    await expect
      .poll(async () => {
        const stats = await voiceStats(page);
        return { state: stats.state, queued: stats.queued, flushed: stats.flushes >= 1 };
      })
      .toEqual({ state: "listening", queued: 0, flushed: true });
    await expect.poll(() => status.textContent()).toBe("Listening…");

    await microphone.click();
    await expect.poll(() => microphone.getAttribute("aria-pressed")).toBe("false");
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
