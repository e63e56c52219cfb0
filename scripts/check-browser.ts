/**
 * The first step of `npm test`: stops at once, with one message saying how to fix it, when
 * there is no Chromium for the browser tests (instead of dozens of failing tests).
 */
import { findChromium, noChromiumMessage } from "../test/support/find-chromium.ts";

const found = findChromium();
if (!found) {
  console.error(noChromiumMessage(process.env));
  process.exit(1);
}
console.log(`Browser tests use ${found.path} (${found.source}).`);
