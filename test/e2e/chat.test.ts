import { describe, expect, it } from "vitest";
import { screenshot } from "./support/browser";
import {
  emulatorOf,
  expectedReply,
  receivedFrames,
  sentJsonFrames,
  streamedText,
  upgradesSince,
} from "./support/demo-stack";
import { setUpDemoSuite } from "./support/e2e-suite";
import { waitUntil } from "./support/wait";

// Real Chromium, real sockets: the demo app talks to the emulator through the presign backend.
const suite = setUpDemoSuite();

describe("chat in Chromium against the emulator", () => {
  it("sends a message and streams the answer over a presigned URL from the backend", async () => {
    const mark = emulatorOf(suite.stack).lastSeq;
    const demo = await suite.openDemo();
    const sessionId = await demo.sessionId();
    // The backend bound the browser's provisional id to the demo user: <nonce>.<mac>.
    expect(sessionId).toMatch(/^[\w-]+\.[\w-]{43}$/);

    await demo.send("Hello there");
    await demo.waitForPartialAnswer(0, 10);
    await screenshot(demo.page, "01-streaming");
    await demo.waitForAnswer(0, "complete");
    await screenshot(demo.page, "02-answered");

    expect(await demo.answerText(0)).toBe(expectedReply("Hello there", 1));
    expect(streamedText(suite.stack, sessionId)).toBe(expectedReply("Hello there", 1));
    expect(receivedFrames(suite.stack, sessionId)).toEqual([
      JSON.stringify({ inputText: "Hello there" }),
    ]);
    const upgrades = upgradesSince(suite.stack, mark);
    expect(upgrades).toHaveLength(1);
    expect(upgrades[0]).toMatchObject({
      outcome: "accepted",
      auth: "sigv4-query",
      sessionId,
    });
  });

  it("stops an answer mid-stream for real: the agent cancels it and the stream stays open", async () => {
    const mark = emulatorOf(suite.stack).lastSeq;
    const demo = await suite.openDemo();
    const sessionId = await demo.sessionId();
    const full = expectedReply("Stop me halfway", 1);

    await demo.send("Stop me halfway");
    await demo.waitForPartialAnswer(0, 12);
    await demo.click("Stop");
    await demo.waitForAnswer(0, "stopped");
    await screenshot(demo.page, "03-stopped");

    // The agent got the cancel frame and ended the answer early.
    await waitUntil(
      () =>
        sentJsonFrames(suite.stack, sessionId).some(
          (frame) => JSON.stringify(frame) === '{"type":"done","cancelled":true}',
        ),
      "the agent to confirm the cancel",
    );
    expect(receivedFrames(suite.stack, sessionId)).toContain(JSON.stringify({ type: "cancel" }));
    const streamed = streamedText(suite.stack, sessionId);
    expect(streamed.length).toBeLessThan(full.length);
    expect(full.startsWith(streamed)).toBe(true);

    const shown = await demo.answerText(0);
    expect(shown.length).toBeGreaterThanOrEqual(12);
    expect(streamed.startsWith(shown)).toBe(true);

    // The conversation goes on in the same stream: the next question is the session's turn 2.
    await demo.send("Next question");
    await demo.waitForAnswer(1, "complete");
    expect(await demo.answerText(1)).toBe(expectedReply("Next question", 2));
    expect(await demo.answerText(0)).toBe(shown);
    expect(upgradesSince(suite.stack, mark, sessionId)).toHaveLength(1);
  });

  it("carries on in the same session after the server drops the stream mid-answer", async () => {
    const mark = emulatorOf(suite.stack).lastSeq;
    const demo = await suite.openDemo();
    const sessionId = await demo.sessionId();

    await demo.send("First question");
    await demo.waitForPartialAnswer(0, 12);
    await demo.click("Drop connection");

    // The emulator terminated the stream (the browser sees 1006); the page reconnects by itself.
    await waitUntil(
      () =>
        upgradesSince(suite.stack, mark, sessionId).filter((event) => event.outcome === "accepted")
          .length === 2,
      "a second accepted upgrade on the same session",
    );
    await demo.waitForStatus("open");
    const answerStatus = await demo.assistantMessages().nth(0).getAttribute("data-status");
    expect(answerStatus).not.toBe("streaming");
    expect(answerStatus).not.toBe("complete");

    await demo.send("Second question");
    await demo.waitForAnswer(1, "complete");
    await screenshot(demo.page, "04-after-drop");
    // The agent's session state survived the drop: this is its second turn.
    expect(await demo.answerText(1)).toBe(expectedReply("Second question", 2));
    expect(await demo.sessionId()).toBe(sessionId);
    // Each question reached the agent exactly once.
    expect(receivedFrames(suite.stack, sessionId)).toEqual([
      JSON.stringify({ inputText: "First question" }),
      JSON.stringify({ inputText: "Second question" }),
    ]);
    const closes = emulatorOf(suite.stack).events.filter(
      (event) => event.type === "close" && event.seq > mark && event.sessionId === sessionId,
    );
    expect(closes.map((event) => event.type === "close" && event.cause)).toEqual(["fault-drop"]);
  });

  it("opens exactly one socket under React StrictMode", async () => {
    const mark = emulatorOf(suite.stack).lastSeq;
    const mintedBefore = suite.stack.backend.events.filter(
      (event) => event.type === "minted",
    ).length;
    const demo = await suite.openDemo();
    await demo.send("Only one socket?");
    await demo.waitForAnswer(0, "complete");

    const upgrades = upgradesSince(suite.stack, mark);
    expect(upgrades).toHaveLength(1);
    expect(upgrades[0]?.outcome).toBe("accepted");
    expect(upgrades[0]?.sessionId).toBe(await demo.sessionId());
    expect(emulatorOf(suite.stack).openConnections).toBe(1);
    const minted = suite.stack.backend.events.filter((event) => event.type === "minted").length;
    expect(minted - mintedBefore).toBe(1);
  });

  it("connects with an OAuth bearer token in the WebSocket subprotocol", async () => {
    const mark = emulatorOf(suite.stack).lastSeq;
    const mintedBefore = suite.stack.backend.events.length;
    const demo = await suite.openDemo("?auth=bearer");
    const sessionId = await demo.sessionId();

    await demo.send("Bearer hello");
    await demo.waitForAnswer(0, "complete");
    expect(await demo.answerText(0)).toBe(expectedReply("Bearer hello", 1));

    // A drop reconnects on the same path and session.
    await demo.click("Drop connection");
    await waitUntil(
      () =>
        upgradesSince(suite.stack, mark, sessionId).filter((event) => event.outcome === "accepted")
          .length === 2,
      "the bearer connection to come back",
    );
    await demo.waitForStatus("open");
    await screenshot(demo.page, "05-bearer");

    const upgrades = upgradesSince(suite.stack, mark, sessionId);
    expect(upgrades.map((event) => [event.outcome, event.auth, event.protocol])).toEqual([
      ["accepted", "bearer-subprotocol", "base64UrlBearerAuthorization"],
      ["accepted", "bearer-subprotocol", "base64UrlBearerAuthorization"],
    ]);
    expect(upgrades.every((event) => event.signedAt === undefined)).toBe(true);
    // The bearer path never asks the presign backend.
    expect(suite.stack.backend.events.length).toBe(mintedBefore);
  });
});
