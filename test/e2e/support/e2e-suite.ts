import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import type { DemoOptions, DemoStack } from "../../../examples/server/start-demo";
import { launchBrowser, newContext, newPage, pageErrors } from "./browser";
import { DemoPage } from "./demo-page";
import { emulatorOf, startTestDemo } from "./demo-stack";

/** What a test file gets from {@link setUpDemoSuite}. */
export interface DemoSuite {
  readonly stack: DemoStack;
  readonly context: BrowserContext;
  /** Opens the demo in a new page (a new conversation) and waits until it is connected. */
  openDemo(search?: string): Promise<DemoPage>;
}

/**
 * One demo stack and one Chromium context per test file (pages share its HTTP cache, so the
 * app loads fast); every test gets its own page, closed after it, and a clean set of faults.
 */
export function setUpDemoSuite(options: DemoOptions = {}): DemoSuite {
  let stack: DemoStack | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    [stack, browser] = await Promise.all([startTestDemo(options), launchBrowser()]);
    context = await newContext(browser);
  });
  afterEach(async () => {
    await context?.setOffline(false);
    await Promise.all(pages.splice(0).map((page) => page.close()));
    if (stack?.emulator) emulatorOf(stack).faults.reset();
    // The app never throws, whatever the network does.
    expect(pageErrors.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not ready (beforeAll failed?)`);
    return value;
  };
  return {
    get stack() {
      return ready(stack, "The demo stack");
    },
    get context() {
      return ready(context, "The browser context");
    },
    async openDemo(search = "") {
      const page = await newPage(ready(context, "The browser context"));
      pages.push(page);
      const demo = await new DemoPage(page).open(ready(stack, "The demo stack").appUrl, search);
      await demo.waitForStatus("open");
      return demo;
    },
  };
}
