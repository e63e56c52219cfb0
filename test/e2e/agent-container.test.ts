import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { PythonAgent } from "../interop/python-agents";
import { launchBrowser, newContext, newPage, pageErrors, screenshot } from "./support/browser";
import { DemoPage } from "./support/demo-page";
import { StartScript } from "./support/start-script";

/**
 * `npm start -- --agent-url`: the demo in front of a real agent process (the Python text agent
 * in the AgentCore SDK's stream_chunk shape, which closes the stream after each answer), driven
 * through `<AgentChat>` in Chromium.
 */

let agent: PythonAgent | undefined;
let script: StartScript | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [agent, browser] = await Promise.all([PythonAgent.start("text_agent.py"), launchBrowser()]);
  script = new StartScript([
    ...["--port", "0", "--backend-port", "0", "--emulator-port", "0"],
    ...["--agent-url", agent.url, "--quiet"],
  ]);
});

afterAll(async () => {
  await browser?.close();
  await script?.stop();
  await agent?.stop();
});

describe("npm start -- --agent-url", () => {
  it("chats with the agent container through <AgentChat>, two turns, the agent closing after each", async () => {
    if (!agent || !script || !browser) throw new Error("not started");
    const [, appUrl] = await script.waitForOutput(/Open (http:\/\/127\.0\.0\.1:\d+\/)/);
    expect(script.stdout).toContain(`local AgentCore Runtime emulator, your agent at ${agent.url}`);
    const context = await newContext(browser);
    const demo = await new DemoPage(await newPage(context)).open(appUrl as string);
    await demo.waitForStatus("open");
    const sessionId = await demo.sessionId();

    await demo.send("hello");
    await demo.waitForAnswer(0, "complete");
    expect(await demo.answerText(0)).toBe("You said: hello. Café.");
    await demo.waitForStatus("idle");

    await demo.send("again");
    await demo.waitForAnswer(1, "complete");
    expect(await demo.answerText(1)).toBe("You said: again. Café.");
    await demo.waitForStatus("idle");
    await screenshot(demo.page, "agent-container-two-turns");

    const seen = await agent.seen();
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen.every((upgrade) => upgrade.sessionId === sessionId)).toBe(true);
    expect(await demo.assistantMessages().count()).toBe(2);
    await context.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });
});
