import { findChromium } from "./find-chromium.ts";

/**
 * How every real-browser run here starts Chromium: vitest's browser projects, the e2e suite and
 * the benchmarks. Which Chromium: see `findChromium` (`CHROMIUM_PATH`, else Playwright's, else
 * the system's). Without the background-networking flags Chromium keeps trying to reach
 * Google's hosts, which closed networks refuse.
 */
export const chromiumLaunchOptions = {
  executablePath: findChromium()?.path,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
