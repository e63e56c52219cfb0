/** `npm run bench:signing`: presign throughput, ours vs raw smithy, in Node and in Chromium. */
import { bundleForBrowser } from "./lib/bundle";
import { launchChromium } from "./lib/chromium";
import { writeResult } from "./lib/results";
import { measureSigning, type SigningFigures } from "./signing-core";

async function inChromium(): Promise<SigningFigures> {
  const code = await bundleForBrowser(new URL("./signing-core.ts", import.meta.url).pathname);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto("about:blank");
    await page.addScriptTag({
      type: "module",
      content: `${code}\nwindow.__measure = measureSigning;`,
    });
    await page.waitForFunction(
      () => typeof (window as { __measure?: unknown }).__measure === "function",
    );
    return await page.evaluate(() =>
      (window as unknown as { __measure: () => Promise<SigningFigures> }).__measure(),
    );
  } finally {
    await browser.close();
  }
}

const node = await measureSigning();
console.log(
  `node:     ours ${node.oursOpsPerSec} ops/s, smithy ${node.smithyOpsPerSec} ops/s, ratio ${node.ratio}`,
);
const browser = await inChromium();
console.log(
  `chromium: ours ${browser.oursOpsPerSec} ops/s, smithy ${browser.smithyOpsPerSec} ops/s, ratio ${browser.ratio}`,
);
const path = writeResult("signing", { goal: "ratio <= 1.3", node, chromium: browser });
console.log(`written to ${path}`);
