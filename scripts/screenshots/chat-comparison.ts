/**
 * Renders `<AgentChat>` with the comparison conversation (test/fixtures/comparison-conversation.json)
 * in headless Chromium and saves one PNG per size and colour scheme into docs/images/comparison/,
 * the "ours" column of the "How it compares" table in docs/chat.md.
 *
 *   npm run screenshots:compare
 */
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "vite";
import { chromiumLaunchOptions } from "../../test/support/chromium-launch";

/** The sizes every column of the comparison is shot at: a laptop and a phone. */
export const comparisonViewports = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "mobile", width: 390, height: 844 },
] as const;

export const comparisonSchemes = ["light", "dark"] as const;

export const comparisonImagesDir = fileURLToPath(
  new URL("../../docs/images/comparison/", import.meta.url),
);

/** The page module and its stylesheet(s), bundled into strings to inject into a blank page. */
async function bundlePage(): Promise<{ js: string; css: string }> {
  const entry = fileURLToPath(new URL("./chat-comparison-page.tsx", import.meta.url));
  const output = await build({
    configFile: false,
    logLevel: "error",
    define: { "process.env.NODE_ENV": JSON.stringify("production") },
    build: {
      write: false,
      minify: false,
      cssCodeSplit: false,
      lib: { entry, formats: ["es"], fileName: "comparison" },
      rollupOptions: { output: { codeSplitting: false } },
    },
  });
  let js = "";
  let css = "";
  for (const result of Array.isArray(output) ? output : [output]) {
    if (!("output" in result)) continue;
    for (const item of result.output) {
      if (item.type === "chunk") js += item.code;
      else if (item.fileName.endsWith(".css")) css += String(item.source);
    }
  }
  if (!js) throw new Error("bundling the comparison page produced no code");
  return { js, css };
}

/** Opens a page at one size and scheme, as every column of the comparison is shot. */
export async function openComparisonPage(
  browser: Browser,
  viewport: (typeof comparisonViewports)[number],
  scheme: (typeof comparisonSchemes)[number],
): Promise<Page> {
  const page = await browser.newPage({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    colorScheme: scheme,
    reducedMotion: "reduce",
  });
  return page;
}

async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
}

/** Scrolls every scrolled box of the page (whichever holds the messages) back to its top. */
async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => {
    const boxes = [...document.querySelectorAll<HTMLElement>("*")].filter(
      (box) =>
        box.scrollHeight > box.clientHeight + 1 &&
        /auto|scroll/.test(getComputedStyle(box).overflowY),
    );
    for (const box of boxes) box.scrollTop = 0;
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>("*")].every((box) => box.scrollTop === 0),
  );
}

/**
 * Saves the chat as it opens (scrolled to the latest message) as `<base>.png`, then scrolled
 * back to the first message as `<base>-top.png`, once fonts are loaded and frames painted.
 */
export async function saveComparisonShots(page: Page, base: string): Promise<string[]> {
  await settle(page);
  await page.screenshot({ path: `${base}.png`, animations: "disabled", caret: "hide" });
  await scrollToTop(page);
  await settle(page);
  await page.screenshot({ path: `${base}-top.png`, animations: "disabled", caret: "hide" });
  return [`${base}.png`, `${base}-top.png`];
}

async function shootOurs(browser: Browser, bundle: { js: string; css: string }) {
  for (const viewport of comparisonViewports) {
    for (const scheme of comparisonSchemes) {
      const page = await openComparisonPage(browser, viewport, scheme);
      // A standards-mode page: about:blank is in quirks mode, where tables do not inherit text styles.
      await page.setContent(
        '<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body></body></html>',
      );
      await page.evaluate((theme) => {
        window.comparisonTheme = theme;
      }, scheme);
      if (bundle.css) await page.addStyleTag({ content: bundle.css });
      await page.addScriptTag({ type: "module", content: bundle.js });
      await page.waitForFunction(() => window.comparisonReady === true);
      const files = await saveComparisonShots(
        page,
        `${comparisonImagesDir}ours-${viewport.name}-${scheme}`,
      );
      await page.close();
      console.log(`saved ${files.join(", ")}`);
    }
  }
}

async function main() {
  mkdirSync(comparisonImagesDir, { recursive: true });
  const bundle = await bundlePage();
  const browser = await chromium.launch({ ...chromiumLaunchOptions, headless: true });
  try {
    await shootOurs(browser, bundle);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
