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

/** Saves the viewport once fonts are loaded and two frames have painted. */
export async function saveComparisonShot(page: Page, file: string): Promise<void> {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  });
  await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
}

async function shootOurs(browser: Browser, bundle: { js: string; css: string }) {
  for (const viewport of comparisonViewports) {
    for (const scheme of comparisonSchemes) {
      const page = await openComparisonPage(browser, viewport, scheme);
      await page.goto("about:blank");
      await page.evaluate((theme) => {
        window.comparisonTheme = theme;
      }, scheme);
      if (bundle.css) await page.addStyleTag({ content: bundle.css });
      await page.addScriptTag({ type: "module", content: bundle.js });
      await page.waitForFunction(() => window.comparisonReady === true);
      const file = `${comparisonImagesDir}ours-${viewport.name}-${scheme}.png`;
      await saveComparisonShot(page, file);
      await page.close();
      console.log(`saved ${file}`);
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
