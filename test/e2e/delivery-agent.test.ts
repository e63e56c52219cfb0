import { describe, expect, it } from "vitest";
import { deliveryReply } from "../../examples/delivery-agent/answer";
import type { DemoConfig } from "../../examples/src/demo-config";
import { newContext, newPage, pageErrors, screenshot } from "./support/browser";
import { DemoPage } from "./support/demo-page";
import { deliveryDemoForFile } from "./support/delivery-demo";

/**
 * `npm start -- --agent delivery`: the demo starts the delivery agent container, the emulator
 * forwards to it, and the page turns the delivery protocol on, so an answer survives a drop
 * the emulator injects mid-answer (the panel's "Drop connection"), whole and not repeated.
 */

const started = deliveryDemoForFile();

/** Waits until the panel's timeline has recorded a `reconnecting` state. */
async function waitForReconnecting(demo: DemoPage): Promise<void> {
  await demo.page
    .getByTestId("timeline")
    .locator('li[data-status="reconnecting"]')
    .first()
    .waitFor({ timeout: 30_000 });
}

describe("npm start -- --agent delivery", () => {
  it("carries an answer on across a drop mid-answer, whole and once, then stops on Ctrl-C", async () => {
    const { script, browser } = started();
    const [, appUrl] = await script.waitForOutput(/Open (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(script.stdout).toContain("local AgentCore Runtime emulator, delivery agent");
    const config = (await (await fetch(new URL("/demo-config.json", appUrl))).json()) as DemoConfig;
    expect(config).toMatchObject({ mode: "emulator", codec: "text", delivery: true });

    const context = await newContext(browser);
    const demo = await new DemoPage(await newPage(context)).open(appUrl as string);
    await demo.waitForStatus("open");
    await expect(demo.page.getByTestId("delivery").textContent()).resolves.toBe("Delivery on");
    const sessionId = await demo.sessionId();

    await demo.send("Keep going");
    await demo.waitForPartialAnswer(0, 40);
    await demo.click("Drop connection");
    await waitForReconnecting(demo);
    // The drop came mid-answer: the answer is still streaming, not "interrupted".
    expect(await demo.assistantMessages().nth(0).getAttribute("data-status")).toBe("streaming");

    await demo.waitForAnswer(0, "complete");
    await demo.waitForStatus("open");
    await screenshot(demo.page, "delivery-after-drop");
    expect(await demo.answerText(0)).toBe(deliveryReply("Keep going", 1));
    expect(await demo.sessionId()).toBe(sessionId);

    // The question reached the agent once: the next one is its second turn.
    await demo.send("And now?");
    await demo.waitForAnswer(1, "complete");
    expect(await demo.answerText(1)).toBe(deliveryReply("And now?", 2));
    expect(await demo.assistantMessages().count()).toBe(2);
    await context.close();
    expect(pageErrors.splice(0)).toEqual([]);

    const exit = await script.stop("SIGINT");
    expect(exit).toEqual({ code: 0, signal: null });
    expect(script.stderr).not.toMatch(/error/i);
  });
});
