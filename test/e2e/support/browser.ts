import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../../bench/lib/chromium";

/** Where the screenshots of the main states go (a CI artifact). */
export const SCREENSHOT_DIR = fileURLToPath(
  new URL("../../../test-results/screenshots/", import.meta.url),
);

/** The system Chromium, headless (`CHROMIUM_PATH` overrides where it lives). */
export function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

/** A browser context sized for the demo's two columns. */
export function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 900 } });
}

/** Uncaught errors of the pages opened with {@link newPage}; a test asserts there are none. */
export const pageErrors: string[] = [];

/** A new page (its own conversation) whose uncaught errors land in {@link pageErrors}. */
export async function newPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return page;
}

/** Saves a full-page screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, fullPage: true });
}
