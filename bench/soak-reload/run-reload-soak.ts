import { deliveryReply } from "../../examples/delivery-agent/answer";
import { startDeliveryAgent } from "../../examples/delivery-agent/agent";
import { startDemo } from "../../examples/server/start-demo";
import { DemoPage } from "../../test/e2e/support/demo-page";
import { launchChromium } from "../lib/chromium";
import { SeededRandom } from "../soak/random";
import { runCycle, shownMessages, type CycleRecord } from "./reload-cycle";
import {
  cycleFailed,
  questionsInOrderOnce,
  reloadSoakReport,
  type ReloadSoakReport,
} from "./reload-report";

/** Options of {@link runReloadSoak}. */
export interface ReloadSoakOptions {
  cycles: number;
  seed: number;
  /** The delivery agent's pause before each piece of an answer, in ms. */
  pieceMs: number;
  log?: (line: string) => void;
  /** Vite's dependency cache for the demo page (tests keep theirs apart). */
  viteCacheDir?: string;
}

/**
 * The reload soak: the delivery demo (`persist` and delivery on) in Chromium, one fault per
 * cycle (see `RELOAD_FAULTS`), each answer checked against the agent's reply; then a last
 * reload and the whole conversation on screen checked.
 */
export async function runReloadSoak(options: ReloadSoakOptions): Promise<ReloadSoakReport> {
  const { cycles, seed, pieceMs, log = () => {} } = options;
  const agent = await startDeliveryAgent({ port: 0, pieceMs });
  const stack = await startDemo({
    ...{ appPort: 0, backendPort: 0, emulatorPort: 0 },
    agent: "delivery",
    forward: agent.url,
    viteLogLevel: "silent",
    ...(options.viteCacheDir ? { viteCacheDir: options.viteCacheDir } : {}),
  });
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const demo = await new DemoPage(await context.newPage()).open(stack.appUrl);
    await demo.waitForStatus("open");
    const random = new SeededRandom(seed);
    const answerLength = deliveryReply("q-0", 1).length;
    const records: CycleRecord[] = [];
    let expectedTurn = 1;
    for (let cycle = 0; cycle < cycles; cycle++) {
      const record = await runCycle(demo, cycle, expectedTurn, random, answerLength);
      records.push(record);
      expectedTurn = "turn" in record.verdict ? record.verdict.turn + 1 : expectedTurn + 1;
      if (cycleFailed(record)) log(`cycle ${cycle} (${record.fault}): ${record.verdict.kind}`);
      if ((cycle + 1) % 10 === 0) log(`${cycle + 1} cycles`);
    }
    await demo.page.reload();
    await demo.waitForStatus("open");
    const shown = (await shownMessages(demo.page, "user")).map((message) => message.text);
    return reloadSoakReport(seed, records, {
      shown: shown.length,
      inOrderOnce: shown.length > 0 && questionsInOrderOnce(shown, cycles),
    });
  } finally {
    await browser.close();
    await stack.close();
    await agent.close();
  }
}
