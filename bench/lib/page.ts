import { readFileSync } from "node:fs";
import type { Browser, CDPSession, Page } from "playwright-core";

const STYLES = readFileSync(new URL("../../src/react/styles.css", import.meta.url), "utf8");

/** Main-thread time Chromium accounts to the page, in ms (from CDP `Performance.getMetrics`). */
export interface MainThreadTime {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

/**
 * A blank page (`about:blank` unless `url` is given) with the library's stylesheet (unless
 * `libraryStyles` is false; a string is another version's stylesheet) and a bundled module loaded; resolves once the module set
 * `window[ready]`. `errors` collects the page's uncaught errors from then on.
 */
export async function openBenchPage(
  browser: Browser,
  code: string,
  ready: string,
  url = "about:blank",
  libraryStyles: boolean | string = true,
): Promise<{ page: Page; cdp: CDPSession; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(url);
  if (libraryStyles) {
    await page.addStyleTag({ content: typeof libraryStyles === "string" ? libraryStyles : STYLES });
  }
  await page.addScriptTag({ type: "module", content: code });
  await page.waitForFunction((name) => name in window, ready);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  return { page, cdp, errors };
}

/** The page's cumulative main-thread time so far. */
export async function mainThreadTime(cdp: CDPSession): Promise<MainThreadTime> {
  const { metrics } = await cdp.send("Performance.getMetrics");
  const seconds = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
  return {
    taskMs: seconds("TaskDuration") * 1000,
    scriptMs: seconds("ScriptDuration") * 1000,
    layoutMs: seconds("LayoutDuration") * 1000,
    styleMs: seconds("RecalcStyleDuration") * 1000,
  };
}

/** `after - before`, rounded to 0.1 ms. */
export function mainThreadDelta(before: MainThreadTime, after: MainThreadTime): MainThreadTime {
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    taskMs: round(after.taskMs - before.taskMs),
    scriptMs: round(after.scriptMs - before.scriptMs),
    layoutMs: round(after.layoutMs - before.layoutMs),
    styleMs: round(after.styleMs - before.styleMs),
  };
}

export { summarize } from "./stats";
