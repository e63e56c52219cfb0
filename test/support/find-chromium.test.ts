import { join } from "node:path";
import { findChromium, noChromiumMessage, type ChromiumLookup } from "./find-chromium.ts";

function machine(files: string[], patch: Partial<ChromiumLookup> = {}): ChromiumLookup {
  return {
    env: {},
    platform: "linux",
    exists: (path) => files.includes(path),
    playwrightPath: () => "/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome",
    ...patch,
  };
}

describe("findChromium", () => {
  it("uses CHROMIUM_PATH when it is set, and nothing else when it points nowhere", () => {
    const files = ["/opt/chrome", "/usr/bin/chromium"];
    expect(findChromium(machine(files, { env: { CHROMIUM_PATH: "/opt/chrome" } }))).toEqual({
      path: "/opt/chrome",
      source: "CHROMIUM_PATH",
    });
    expect(findChromium(machine(files, { env: { CHROMIUM_PATH: "/nope" } }))).toBeUndefined();
  });

  it("prefers Playwright's Chromium to the system's, with no variable set", () => {
    const managed = "/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";
    expect(findChromium(machine([managed, "/usr/bin/chromium"]))).toEqual({
      path: managed,
      source: "Playwright",
    });
  });

  it.each<[NodeJS.Platform, string, Record<string, string>]>([
    ["linux", "/usr/bin/chromium-browser", {}],
    ["darwin", "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome", {}],
    [
      "win32",
      join("C:\\Program Files", "Google", "Chrome", "Application", "chrome.exe"),
      { PROGRAMFILES: "C:\\Program Files" },
    ],
  ])("finds a system browser on %s", (platform, path, env) => {
    const found = findChromium(machine([path], { platform, env, playwrightPath: () => undefined }));
    expect(found).toEqual({ path, source: "system" });
  });

  it("finds nothing on a bare machine, and says how to fix it", () => {
    expect(findChromium(machine([]))).toBeUndefined();
    const message = noChromiumMessage({});
    expect(message).toContain("npx playwright install chromium");
    expect(message).toContain("CHROMIUM_PATH=");
    expect(message).toContain("apt-get install chromium");
  });
});
