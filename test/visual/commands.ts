import type { BrowserCommand, BrowserCommandContext } from "vitest/node";
import "@vitest/browser-playwright";
import { checkScreenshot, visualModeFromEnv, type CheckResult } from "./baselines.ts";
import type { VisualVariant } from "./variants.ts";

/**
 * The visual check's Node half: vitest browser commands that run beside Playwright's page.
 * The browser half (test/setup/storybook-visual.ts) calls them through `commands`.
 */

/** Each page's viewport before the check changed it, to put back afterwards. */
const originalViewports = new Map<string, { width: number; height: number } | null>();

/**
 * Sizes the page to the variant and emulates its colour scheme. The test iframe is then resized
 * to the same size from the browser (`page.viewport`), so vitest draws it at scale 1.
 */
const visualUseVariant: BrowserCommand<[variant: VisualVariant]> = async (context, variant) => {
  const { page } = context;
  if (!originalViewports.has(context.sessionId)) {
    originalViewports.set(context.sessionId, page.viewportSize());
  }
  await page.setViewportSize({ width: variant.width, height: variant.height });
  await page.emulateMedia({ colorScheme: variant.scheme });
};

/** Gives the page back its size and colour scheme for the next story. */
const visualRestore: BrowserCommand<[]> = async (context) => {
  const original = originalViewports.get(context.sessionId);
  if (original) await context.page.setViewportSize(original);
  await context.page.emulateMedia({ colorScheme: null });
};

export interface CaptureResult extends CheckResult {
  width: number;
}

/** Where the story's root is, in CSS pixels of the test frame's viewport. */
export interface RootBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Screenshots the page clipped to the root. The page already stands still (animations and
 * the caret are off, timers held), so this skips the waits of an element screenshot.
 */
async function screenshotRoot(context: BrowserCommandContext, root: RootBox): Promise<Buffer> {
  const frame = await context.iframe.owner().boundingBox();
  if (!frame) throw new Error("the test frame is not on the page");
  const clip = { ...root, x: frame.x + root.x, y: frame.y + root.y };
  // The check already hid the caret (caret-color), so Playwright need not restyle every frame.
  return context.page.screenshot({ clip, scale: "css", caret: "initial", timeout: 30_000 });
}

/** Screenshots the story's root, saves it and compares it with its baseline. */
const visualCapture: BrowserCommand<[name: string, root: RootBox]> = async (
  context,
  name,
  root,
): Promise<CaptureResult> => {
  const png = await screenshotRoot(context, root);
  const width = png.readUInt32BE(16); // the PNG header's width field
  const result = await checkScreenshot({
    root: context.project.config.root,
    name,
    png,
    mode: visualModeFromEnv(),
  });
  return { ...result, width };
};

export const visualCommands = { visualUseVariant, visualRestore, visualCapture };

declare module "vitest/browser" {
  interface BrowserCommands {
    visualUseVariant(variant: VisualVariant): Promise<void>;
    visualRestore(): Promise<void>;
    visualCapture(name: string, root: RootBox): Promise<CaptureResult>;
  }
}
