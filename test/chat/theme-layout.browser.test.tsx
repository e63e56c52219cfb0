import { cdp, page } from "vitest/browser";
import { chatMessage, longThread } from "../../src/react/components/test-utils/scripted-chat";
import { mountChat, nextFrame } from "./browser-helpers";

// The default theme's layout in Chromium: what appears and goes never moves the messages or
// the input, and the messages and the composer share one column.

const rect = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();

/** Where the composer's card (its ::before) starts and ends, in viewport pixels. */
function composerCard(): { left: number; right: number } {
  const form = document.querySelector<HTMLElement>(".acr-composer")!;
  const box = form.getBoundingClientRect();
  const card = getComputedStyle(form, "::before");
  return { left: box.left + parseFloat(card.left), right: box.right - parseFloat(card.right) };
}

async function setReducedMotion(reduce: boolean): Promise<void> {
  await cdp().send("Emulation.setEmulatedMedia", {
    features: [{ name: "prefers-reduced-motion", value: reduce ? "reduce" : "no-preference" }],
  });
}

describe("the default theme's layout", () => {
  afterEach(async () => {
    await setReducedMotion(false);
  });

  it("floats the connection banner over the messages: they do not move when it comes or goes", async () => {
    const { chat } = mountChat({ messages: longThread(4), height: 600 });
    await nextFrame();
    const list = rect(".acr-message-list__scroller").top;
    const first = rect("article").top;

    chat.setConnection({ status: "reconnecting", attempt: 1, nextRetryAt: Date.now() + 5_000 });
    await expect.poll(() => document.querySelector(".acr-connection-banner")).not.toBeNull();
    await nextFrame();
    const banner = rect(".acr-connection-banner");
    expect(banner.height).toBeGreaterThan(0);
    expect(banner.top).toBeGreaterThanOrEqual(list);
    expect(rect(".acr-message-list__scroller").top).toBe(list);
    expect(rect("article").top).toBe(first);

    chat.setConnection({ status: "open", attempt: 0, nextRetryAt: null });
    await expect.poll(() => document.querySelector(".acr-connection-banner")).toBeNull();
    expect(rect("article").top).toBe(first);
  });

  it("puts Stop in Send's place while an answer streams: same size, the input keeps its width", async () => {
    const { chat } = mountChat({ messages: [chatMessage({ role: "user", text: "Hi" })] });
    await nextFrame();
    const input = rect(".acr-composer__input");
    const send = rect(".acr-composer__send");

    chat.startAnswer();
    await expect.poll(() => document.querySelector(".acr-stop-button")).not.toBeNull();
    await nextFrame();
    const stop = rect(".acr-stop-button");
    expect(getComputedStyle(document.querySelector(".acr-composer__send")!).display).toBe("none");
    expect([stop.left, stop.top, stop.width, stop.height]).toEqual([
      send.left,
      send.top,
      send.width,
      send.height,
    ]);
    expect(rect(".acr-composer__input").width).toBe(input.width);
    // Icon only in the composer, still named for screen readers.
    expect(document.querySelector(".acr-stop-button")).toHaveAccessibleName("Stop");
  });

  it.each([
    [1280, 800],
    [390, 844],
  ])("lines the messages and the composer up on one column at %i px", async (width, height) => {
    await page.viewport(width, height);
    mountChat({
      width,
      height,
      messages: [
        chatMessage({ role: "user", text: "Where do the columns start?" }),
        chatMessage({ role: "assistant", text: "At the same place." }),
      ],
    });
    await nextFrame();
    const column = rect(".acr-message-list__content");
    const card = composerCard();
    expect(Math.abs(column.left - card.left)).toBeLessThanOrEqual(1);
    expect(Math.abs(column.right - card.right)).toBeLessThanOrEqual(1);
    if (width >= 1280) expect(column.width).toBe(768);
  });

  it("slides the banner in, and not at all under prefers-reduced-motion", async () => {
    const { chat } = mountChat({ connection: { status: "connecting" } });
    await expect.poll(() => document.querySelector(".acr-connection-banner")).not.toBeNull();
    const banner = document.querySelector(".acr-connection-banner")!;
    expect(getComputedStyle(banner).animationName).toBe("acr-drop-in");
    await setReducedMotion(true);
    await nextFrame();
    expect(getComputedStyle(banner).animationName).toBe("none");
    chat.setConnection({ status: "open" });
  });
});
