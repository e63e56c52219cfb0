import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { PythonAgent } from "../interop/python-agents";
import { launchBrowser, newContext, newPage, pageErrors, screenshot } from "./support/browser";
import { DemoPage } from "./support/demo-page";
import { StartScript } from "./support/start-script";

/**
 * `<AgentChat>` with `agUiCodec` against an agent that behaves like the AgentCore SDK's
 * `AGUIApp` (test/agents/python/agui_agent.py): SSE-framed AG-UI events over `/ws`, a run that
 * reasons, calls a tool and answers, then a 1000 close after every run. Five turns in a row,
 * with no `connect()` in the app: each next message reopens the stream.
 */

let agent: PythonAgent | undefined;
let script: StartScript | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  [agent, browser] = await Promise.all([PythonAgent.start("agui_agent.py"), launchBrowser()]);
  script = new StartScript([
    ...["--port", "0", "--backend-port", "0", "--emulator-port", "0"],
    ...["--agent-url", agent.url, "--codec", "ag-ui", "--quiet"],
  ]);
});

afterAll(async () => {
  await browser?.close();
  await script?.stop();
  await agent?.stop();
});

describe("an AGUIApp-style agent (SSE frames, close after each run)", () => {
  it("holds five turns in a row with reasoning and tool calls shown", async () => {
    if (!agent || !script || !browser) throw new Error("not started");
    const [, appUrl] = await script.waitForOutput(/Open (http:\/\/127\.0\.0\.1:\d+\/)/);
    const context = await newContext(browser);
    const demo = await new DemoPage(await newPage(context)).open(appUrl as string);
    await demo.waitForStatus("open");
    const sessionId = await demo.sessionId();

    const chat = demo.page.locator(".acr-chat");
    for (let turn = 0; turn < 5; turn++) {
      await demo.send(`question ${turn + 1}`);
      // A run is a message with its reasoning and tool call (AG-UI's tool-call message), then
      // the answer; the agent closes after it, and the chat rests idle until the next send.
      await chat
        .locator(".acr-message__bubble")
        .getByText(`You asked: question ${turn + 1}. It is sunny.`)
        .waitFor({ timeout: 30_000 });
      await demo.waitForStatus("idle");
      expect(await chat.locator(".acr-reasoning").count()).toBe(turn + 1);
      expect(await chat.locator(".acr-reasoning").last().textContent()).toContain("Thinking");
      const tools = chat.locator(".acr-tool-call:not(.acr-reasoning)");
      expect(await tools.count()).toBe(turn + 1);
      expect(await tools.last().textContent()).toContain("weather");
      expect(await chat.locator('[data-status="streaming"], [data-status="error"]').count()).toBe(
        0,
      );
    }
    await screenshot(demo.page, "agui-agent-five-turns");

    expect(await demo.userMessages().count()).toBe(5);
    const seen = await agent.seen();
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect(seen.every((upgrade) => upgrade.sessionId === sessionId)).toBe(true);
    await context.close();
    expect(pageErrors.splice(0)).toEqual([]);
  });
});
