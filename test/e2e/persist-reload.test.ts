import { describe, expect, it } from "vitest";
import { deliveryReply } from "../../examples/delivery-agent/answer";
import { newContext, newPage, pageErrors, screenshot } from "./support/browser";
import { DemoPage } from "./support/demo-page";
import { deliveryDemoForFile } from "./support/delivery-demo";

/**
 * `npm start -- --agent delivery` keeps the conversation in IndexedDB (`persist`): a reload in
 * the middle of an answer restores the conversation on the same runtime session, and the
 * agent replays what the page had not saved, so the answer ends whole and once.
 */

const started = deliveryDemoForFile();

describe("npm start -- --agent delivery, reloaded mid-answer", () => {
  it("restores the conversation and the answer carries on, nothing lost and nothing twice", async () => {
    const { script, browser } = started();
    const [, appUrl] = await script.waitForOutput(/Open (http:\/\/127\.0\.0\.1:\d+\/)/);
    const context = await newContext(browser);
    const demo = await new DemoPage(await newPage(context)).open(appUrl as string);
    await demo.waitForStatus("open");
    await expect(demo.page.getByTestId("persist").textContent()).resolves.toBe(
      "Kept across reloads",
    );
    const sessionId = await demo.sessionId();

    await demo.send("Keep going");
    await demo.waitForPartialAnswer(0, 40);
    await demo.page.reload();

    // The kept conversation shows again, the answer still streaming (not interrupted).
    await demo.waitForPartialAnswer(0, 40);
    expect(await demo.userMessages().count()).toBe(1);
    await demo.waitForAnswer(0, "complete");
    await demo.waitForStatus("open");
    await screenshot(demo.page, "delivery-after-reload");
    expect(await demo.answerText(0)).toBe(deliveryReply("Keep going", 1));
    expect(await demo.sessionId()).toBe(sessionId);

    // The question reached the agent once: the next one is its second turn.
    await demo.send("And now?");
    await demo.waitForAnswer(1, "complete");
    expect(await demo.answerText(1)).toBe(deliveryReply("And now?", 2));
    expect(await demo.assistantMessages().count()).toBe(2);
    await context.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });
});
