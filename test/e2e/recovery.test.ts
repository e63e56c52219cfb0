import { describe, expect, it } from "vitest";
import { screenshot } from "./support/browser";
import { emulatorOf, expectedReply, receivedFrames, upgradesSince } from "./support/demo-stack";
import { setUpDemoSuite } from "./support/e2e-suite";
import { waitUntil } from "./support/wait";

const suite = setUpDemoSuite();

describe("recovery in Chromium against the emulator", () => {
  it("recovers from refused upgrades with backoff, on the same session", async () => {
    const demo = await suite.openDemo();
    const sessionId = await demo.sessionId();
    const mark = emulatorOf(suite.stack).lastSeq;

    // The panel arms "refuse the next 2 upgrades with 429" and drops the stream.
    await demo.page.getByLabel("How many upgrades to refuse").fill("2");
    await demo.click("Refuse next upgrades");
    await waitUntil(
      () => upgradesSince(suite.stack, mark).some((event) => event.outcome === "accepted"),
      "an accepted upgrade after the refusals",
    );
    await demo.waitForStatus("open");
    await screenshot(demo.page, "06-recovered-from-429");

    const upgrades = upgradesSince(suite.stack, mark);
    expect(upgrades.map((event) => [event.outcome, event.status])).toEqual([
      ["refused", 429],
      ["refused", 429],
      ["accepted", 101],
    ]);
    expect(upgrades.every((event) => event.sessionId === sessionId)).toBe(true);

    // The drop and each refusal counted as a failed attempt, each followed by a scheduled
    // backoff wait. (Not its length: the panel stamps an entry when it records it, which on a
    // loaded machine can come after a short wait has already run out.)
    const waits = (await demo.timeline()).filter(
      (entry) => entry.status === "reconnecting" && entry.retryMs !== null,
    );
    expect(waits.map((entry) => entry.attempt)).toEqual([1, 2, 3]);

    await demo.send("Still there?");
    await demo.waitForAnswer(0, "complete");
    expect(await demo.answerText(0)).toBe(expectedReply("Still there?", 1));
  });

  it("waits while the browser is offline and sends the queued message when it is back", async () => {
    const demo = await suite.openDemo();
    const sessionId = await demo.sessionId();

    await suite.context.setOffline(true);
    await demo.page.locator('[data-testid="connection"][data-online="false"]').waitFor();
    // Going offline leaves the open socket alone; the network dying takes it down.
    const mark = emulatorOf(suite.stack).lastSeq;
    emulatorOf(suite.stack).faults.dropAll();
    await demo.page.locator('[data-testid="connection"][data-status="reconnecting"]').waitFor();
    await demo.send("Sent while offline");
    await demo.page.locator('.acr-message--user[data-status="pending"]').waitFor();
    await screenshot(demo.page, "07-offline");

    // While offline the connection does not try (no attempts, no retry timer).
    const offlineEntries = (await demo.timeline()).filter((entry) => !entry.online);
    expect(offlineEntries.length).toBeGreaterThan(0);
    for (const entry of offlineEntries) {
      expect(entry.retryMs).toBeNull();
      expect(entry.attempt).toBeLessThanOrEqual(1);
    }

    await suite.context.setOffline(false);
    await demo.waitForAnswer(0, "complete");
    await demo.waitForStatus("open");
    expect(await demo.answerText(0)).toBe(expectedReply("Sent while offline", 1));
    expect(await demo.sessionId()).toBe(sessionId);
    expect(
      upgradesSince(suite.stack, mark).map((event) => [event.outcome, event.sessionId]),
    ).toEqual([["accepted", sessionId]]);
    expect(receivedFrames(suite.stack, sessionId)).toEqual([
      JSON.stringify({ inputText: "Sent while offline" }),
    ]);
  });

  it("re-presigns after a 1008 close: URLs expired on the server are never presented again", async () => {
    const demo = await suite.openDemo();
    const sessionId = await demo.sessionId();
    const [first] = upgradesSince(suite.stack, 0, sessionId);
    // expireIssuedBefore works in whole seconds: let the URL's signing second pass first.
    await waitUntil(
      () => emulatorOf(suite.stack).now() >= (first?.signedAt ?? 0) + 1000,
      "the next second",
    );
    const minted = () =>
      suite.stack.backend.events.filter(
        (event) => event.type === "minted" && event.sessionId === sessionId,
      ).length;
    const mintedBefore = minted();
    const mark = emulatorOf(suite.stack).lastSeq;

    // The panel expires every URL issued so far, and the emulator closes the stream with 1008.
    await demo.click("Expire issued URLs");
    await waitUntil(
      () => upgradesSince(suite.stack, mark, sessionId).length > 0,
      "the next upgrade attempt",
    );
    await demo.waitForStatus("open");
    const after = upgradesSince(suite.stack, mark, sessionId);
    expect(after.map((event) => [event.outcome, event.status])).toEqual([["accepted", 101]]);
    expect(after[0]?.signedAt).toBeGreaterThan(first?.signedAt ?? Infinity);
    expect(minted()).toBe(mintedBefore + 1);
  });

  it("never uses a URL that expired while the page sat idle: the next connect gets a fresh one", async () => {
    // URLs that live 8 s, so a short idle outlives them.
    const demo = await suite.openDemo("?ttl=8");
    const sessionId = await demo.sessionId();
    await demo.send("Before the break");
    await demo.waitForAnswer(0, "complete");

    await demo.click("Close conversation");
    await demo.waitForStatus("closed");
    const idleFrom = emulatorOf(suite.stack).now();
    // Sit idle until every URL the backend ever minted has expired, by the emulator's clock.
    const lastExpiry = Math.max(
      ...suite.stack.backend.events.map((event) =>
        event.type === "minted" && event.sessionId === sessionId ? event.expiresAt : 0,
      ),
    );
    expect(lastExpiry).toBeGreaterThan(0);
    await waitUntil(() => emulatorOf(suite.stack).now() > lastExpiry + 1000, "the URLs to expire", {
      timeoutMs: 30_000,
      intervalMs: 250,
    });
    await screenshot(demo.page, "08-idle-urls-expired");

    // Sending reopens the conversation, on the same session, with a URL minted after the idle.
    const mark = emulatorOf(suite.stack).lastSeq;
    await demo.send("After the break");
    await demo.waitForAnswer(1, "complete");
    expect(await demo.answerText(1)).toBe(expectedReply("After the break", 2));

    const after = upgradesSince(suite.stack, mark, sessionId);
    expect(after.map((event) => event.outcome)).toEqual(["accepted"]);
    expect(after[0]?.signedAt).toBeGreaterThan(lastExpiry - 8_000);
    expect(after[0]?.signedAt).toBeGreaterThanOrEqual(Math.floor(idleFrom / 1000) * 1000);
    // The emulator's log proves no expired URL was ever presented for this session.
    const all = upgradesSince(suite.stack, 0, sessionId);
    expect(all.length).toBeGreaterThanOrEqual(2);
    for (const event of all) {
      expect(event.outcome).toBe("accepted");
      expect(event.expiresAt).toBeGreaterThanOrEqual(event.at);
    }
  });
});
