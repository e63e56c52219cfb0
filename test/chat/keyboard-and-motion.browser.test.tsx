import { cdp, userEvent } from "vitest/browser";
import { longThread } from "../../src/react/components/test-utils/scripted-chat";
import { toolCallConversation } from "../../src/react/components/test-utils/fixtures";
import { distanceFromBottom, mountChat, nextFrame, scroller } from "./browser-helpers";

async function setReducedMotion(reduce: boolean): Promise<void> {
  await cdp().send("Emulation.setEmulatedMedia", {
    features: [{ name: "prefers-reduced-motion", value: reduce ? "reduce" : "no-preference" }],
  });
}

describe("keyboard use in Chromium", () => {
  it("reaches everything with Tab, shows a focus ring, and expands a tool call with Enter", async () => {
    const { chat } = mountChat({ messages: toolCallConversation() });
    const active = () => document.activeElement as HTMLElement;

    await userEvent.keyboard("{Tab}");
    expect(active()).toBe(scroller());
    expect(getComputedStyle(active()).outlineStyle).toBe("solid");
    const focusColor = getComputedStyle(active()).outlineColor;

    await userEvent.keyboard("{Tab}");
    expect(active().tagName).toBe("SUMMARY");
    expect(getComputedStyle(active()).outlineStyle).toBe("solid");
    await userEvent.keyboard("{Enter}");
    expect(active().closest("details")!.open).toBe(true);

    await userEvent.keyboard("{Tab}{Tab}");
    expect(active()).toHaveAccessibleName("Copy");
    expect(getComputedStyle(active()).outlineStyle).toBe("solid");
    await userEvent.keyboard("{Tab}");
    expect(active()).toBe(document.querySelector("textarea"));
    // The input's focus shows on the composer's card around it (after a short transition).
    const card = getComputedStyle(document.querySelector(".acr-composer")!, "::before");
    await expect.poll(() => card.borderTopColor).toBe(focusColor);
    await userEvent.keyboard("By keyboard only");
    await userEvent.keyboard("{Tab}");
    expect(active()).toHaveAccessibleName("Send");
    expect(getComputedStyle(active()).outlineStyle).toBe("solid");
    await userEvent.keyboard("{Enter}");
    await expect.poll(() => chat.calls.send).toEqual(["By keyboard only"]);
    expect(active()).toBe(document.querySelector("textarea"));
  });
});

describe("prefers-reduced-motion in Chromium", () => {
  afterEach(async () => {
    await setReducedMotion(false);
  });

  it("animates the typing dots normally and not at all when reduced", async () => {
    const { chat } = mountChat();
    chat.startAnswer();
    await expect.poll(() => document.querySelector(".acr-message__dots > span")).not.toBeNull();
    const dot = document.querySelector(".acr-message__dots > span")!;
    expect(getComputedStyle(dot).animationName).toBe("acr-pulse");
    await setReducedMotion(true);
    await nextFrame();
    expect(getComputedStyle(dot).animationName).toBe("none");
  });

  it("jumps to the latest message at once, without smooth scrolling, when reduced", async () => {
    await setReducedMotion(true);
    mountChat({ messages: longThread(60) });
    await nextFrame();
    scroller().scrollTop = 0;
    await expect.poll(() => document.querySelector(".acr-message-list__jump")).not.toBeNull();
    (document.querySelector(".acr-message-list__jump") as HTMLButtonElement).click();
    // Synchronously at the bottom: no animation in between.
    expect(distanceFromBottom()).toBeLessThanOrEqual(1);
  });

  it("scrolls smoothly to the latest message otherwise", async () => {
    mountChat({ messages: longThread(60) });
    await nextFrame();
    scroller().scrollTop = 0;
    await expect.poll(() => document.querySelector(".acr-message-list__jump")).not.toBeNull();
    (document.querySelector(".acr-message-list__jump") as HTMLButtonElement).click();
    expect(distanceFromBottom()).toBeGreaterThan(1);
    await expect.poll(() => distanceFromBottom(), { timeout: 20_000 }).toBeLessThanOrEqual(1);
  });
});
