import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchBrowser } from "./browser";
import { StartScript } from "./start-script";

/** The started demo and browser of a test file, once `beforeAll` has run. */
export interface StartedDeliveryDemo {
  script: StartScript;
  browser: Browser;
}

/**
 * `npm start -- --agent delivery` on ports the OS picks, and a browser, for the tests of one
 * file: started before them, killed after them. Call it at the top level of the file.
 */
export function deliveryDemoForFile(): () => StartedDeliveryDemo {
  let script: StartScript | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    script = new StartScript([
      ...["--port", "0", "--backend-port", "0", "--emulator-port", "0"],
      ...["--agent", "delivery", "--quiet"],
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await script?.stop("SIGKILL");
  });
  return () => {
    if (!script || !browser) throw new Error("not started");
    return { script, browser };
  };
}
