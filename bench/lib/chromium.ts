import { chromium, type Browser } from "playwright-core";
import { chromiumLaunchOptions } from "../../test/support/chromium-launch";

/** Launches the system Chromium headless with the flags that work on this kind of machine. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ ...chromiumLaunchOptions, headless: true });
}
