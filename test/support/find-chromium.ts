import { existsSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";

/** A Chromium to run the browser tests in, and how it was found. */
export interface FoundChromium {
  path: string;
  source: "CHROMIUM_PATH" | "Playwright" | "system";
}

/** What discovery reads, so a test can stand in for the machine. */
export interface ChromiumLookup {
  env: Readonly<Record<string, string | undefined>>;
  platform: NodeJS.Platform;
  exists(path: string): boolean;
  /** Where Playwright keeps the Chromium that `npx playwright install chromium` downloads. */
  playwrightPath(): string | undefined;
}

/** Where a system Chromium or Chrome usually lives, per platform. */
export function systemChromiumPaths(
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): string[] {
  if (platform === "darwin") {
    return [
      "/Applications/Chromium.app/Contents/MacOS/Chromium",
      "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ];
  }
  if (platform === "win32") {
    const roots = [env["PROGRAMFILES"], env["PROGRAMFILES(X86)"], env["LOCALAPPDATA"]];
    return roots
      .filter((root): root is string => typeof root === "string" && root !== "")
      .map((root) => join(root, "Google", "Chrome", "Application", "chrome.exe"));
  }
  return [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
  ];
}

function playwrightManagedPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

const MACHINE: ChromiumLookup = {
  env: process.env,
  platform: process.platform,
  exists: existsSync,
  playwrightPath: playwrightManagedPath,
};

/**
 * The Chromium the tests use: `CHROMIUM_PATH` when it is set (what you ask for wins), else the
 * one Playwright manages (`npx playwright install chromium`), else a system Chromium or Chrome.
 */
export function findChromium(lookup: ChromiumLookup = MACHINE): FoundChromium | undefined {
  const explicit = lookup.env["CHROMIUM_PATH"];
  if (explicit)
    return lookup.exists(explicit) ? { path: explicit, source: "CHROMIUM_PATH" } : undefined;
  const managed = lookup.playwrightPath();
  if (managed && lookup.exists(managed)) return { path: managed, source: "Playwright" };
  const system = systemChromiumPaths(lookup.platform, lookup.env).find((path) =>
    lookup.exists(path),
  );
  return system ? { path: system, source: "system" } : undefined;
}

/** What `npm test` says when it finds no browser: the three ways to give it one. */
export function noChromiumMessage(env: Readonly<Record<string, string | undefined>>): string {
  const bad = env["CHROMIUM_PATH"];
  return [
    bad
      ? `CHROMIUM_PATH is set to ${bad}, but there is no browser there.`
      : "No Chromium found for the browser tests.",
    "Give the tests a browser in one of three ways:",
    "  1. npx playwright install chromium          (any OS; Playwright's own Chromium)",
    "  2. CHROMIUM_PATH=/path/to/chromium npm test  (a Chromium or Chrome you have)",
    "  3. install Chromium or Chrome where the system keeps it",
    "     (Debian/Ubuntu: sudo apt-get install chromium; macOS: Google Chrome in /Applications;",
    "      Windows: Google Chrome in Program Files)",
  ].join("\n");
}
