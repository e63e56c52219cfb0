/**
 * How every real-browser run here starts the system Chromium: vitest's browser projects, the
 * e2e suite and the benchmarks. Without the background-networking flags Chromium keeps trying
 * to reach Google's hosts, which this kind of machine refuses.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};
