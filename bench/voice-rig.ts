/**
 * The voice bench's rig: a fake microphone (a WAV file the bench writes, which Chromium plays
 * looped as its capture device), Chromium started with it, the bench page bundled once and
 * served from a loopback origin (a secure context, so `getUserMedia` and `AudioWorklet` work),
 * and the emulator's voice agent.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import { startEmulator, voiceAgent, type VoiceAgentOptions } from "../packages/emulator/src/index";
import { chromiumLaunchOptions } from "../test/support/chromium-launch";
import { fakeMicrophoneFlags, sineWav } from "../test/voice/fake-microphone";
import { bundleForBrowser } from "./lib/bundle";
import { openBenchPage } from "./lib/page";
import type { VoiceBenchPage, VoicePageSetup } from "./pages/voice/voice-page";

/** Where the bench writes the fake microphone's WAV: 2 s of a 1 kHz tone at half scale, 48 kHz. */
export const MICROPHONE_WAV = join(
  import.meta.dirname,
  "../test-results/voice-bench/microphone.wav",
);

const TOKEN = "voice-bench-token";
const RUNTIME_ARN =
  "arn:aws:bedrock-agentcore:us-west-2:123456789012:runtime/voice_bench-Abc123XyZ";

/** Chromium with the fake microphone, granted without a prompt, audio allowed without a click. */
export async function launchWithMicrophone(): Promise<Browser> {
  mkdirSync(join(MICROPHONE_WAV, ".."), { recursive: true });
  writeFileSync(MICROPHONE_WAV, sineWav());
  return chromium.launch({
    ...chromiumLaunchOptions,
    headless: true,
    args: [...chromiumLaunchOptions.args, ...fakeMicrophoneFlags(MICROPHONE_WAV)],
  });
}

/** A blank page on a loopback origin. */
export async function startPageServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<!doctype html><title>voice bench</title>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The page, bundled and minified as an app ships it. */
export function bundleVoicePage(): Promise<string> {
  const entry = join(import.meta.dirname, "pages/voice/voice-page.ts");
  return bundleForBrowser(entry, { minify: true });
}

/** The emulator with a voice agent configured for one scenario. */
export async function startVoiceAgent(
  options: VoiceAgentOptions,
): Promise<{ setup: VoicePageSetup; close(): Promise<void> }> {
  const emulator = await startEmulator({ bearerTokens: [TOKEN], agent: voiceAgent(options) });
  return {
    setup: { endpoint: emulator.url, runtimeArn: RUNTIME_ARN, token: TOKEN },
    close: () => emulator.close(),
  };
}

type Method = {
  [K in keyof VoiceBenchPage]: VoiceBenchPage[K] extends (...args: never[]) => unknown ? K : never;
}[keyof VoiceBenchPage];

/** One call on a fresh page: the page's API, called from Node. */
export interface VoicePage {
  page: Page;
  cdp: CDPSession;
  errors: string[];
  call<M extends Method>(
    method: M,
    ...args: Parameters<VoiceBenchPage[M]>
  ): Promise<Awaited<ReturnType<VoiceBenchPage[M]>>>;
  /**
   * Resolves once `expression` (JavaScript on the page, `voiceBench` in scope) is true, checked
   * every `everyMs`: not per animation frame, so the waiting costs the page next to nothing.
   */
  until(expression: string, timeoutMs: number, everyMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** Opens the bench page and its call's connection to the agent (not started yet). */
export async function openVoicePage(
  browser: Browser,
  code: string,
  pageUrl: string,
  setup: VoicePageSetup,
): Promise<VoicePage> {
  const { page, cdp, errors } = await openBenchPage(browser, code, "voiceBench", pageUrl, false);
  const call: VoicePage["call"] = (method, ...args) =>
    page.evaluate(`window.voiceBench.${method}(...${JSON.stringify(args)})`) as never;
  await call("open", setup);
  return {
    page,
    cdp,
    errors,
    call,
    async until(expression, timeoutMs, everyMs = 100) {
      const predicate = `(() => { const voiceBench = window.voiceBench; return ${expression}; })()`;
      await page.waitForFunction(predicate, undefined, { polling: everyMs, timeout: timeoutMs });
    },
    close: () => page.close(),
  };
}
