import { userEvent } from "vitest/browser";
import { chatMessage, longThread } from "../../src/react/components/test-utils/scripted-chat";
import { distanceFromBottom, mountChat, nextFrame, scroller } from "./browser-helpers";

function jumpButton(): HTMLElement | null {
  return document.querySelector<HTMLElement>(".acr-message-list__jump");
}

async function streamLines(
  chat: ReturnType<typeof mountChat>["chat"],
  id: string,
  lines: number,
): Promise<void> {
  for (let i = 0; i < lines; i++) {
    chat.appendText(id, `Line ${i} of a long streaming answer.\n`);
    await nextFrame();
  }
}

describe("scrolling in Chromium", () => {
  it("opens at the latest message and sticks to the bottom while an answer streams", async () => {
    const { chat } = mountChat({ messages: longThread(40) });
    await nextFrame();
    expect(scroller().scrollHeight).toBeGreaterThan(scroller().clientHeight);
    expect(distanceFromBottom()).toBeLessThanOrEqual(1);
    const id = chat.startAnswer();
    await streamLines(chat, id, 30);
    expect(distanceFromBottom()).toBeLessThanOrEqual(1);
    expect(jumpButton()).toBeNull();
  });

  it("stops following when the user scrolls up, offers Jump to latest, and follows again after it", async () => {
    const { chat } = mountChat({ messages: longThread(40) });
    await nextFrame();
    const id = chat.startAnswer();
    await streamLines(chat, id, 5);

    scroller().scrollTop = 100;
    await expect.poll(() => jumpButton()).not.toBeNull();
    await streamLines(chat, id, 20);
    expect(scroller().scrollTop).toBe(100);
    expect(distanceFromBottom()).toBeGreaterThan(200);

    await userEvent.click(jumpButton()!);
    await expect.poll(() => distanceFromBottom(), { timeout: 20_000 }).toBeLessThanOrEqual(1);
    await expect.poll(() => jumpButton()).toBeNull();
    expect(document.activeElement).toBe(document.querySelector("textarea"));
    await streamLines(chat, id, 10);
    expect(distanceFromBottom()).toBeLessThanOrEqual(1);
  });

  it("follows again once the user scrolls back down by hand", async () => {
    const { chat } = mountChat({ messages: longThread(40) });
    await nextFrame();
    scroller().scrollTop = 0;
    await expect.poll(() => jumpButton()).not.toBeNull();
    scroller().scrollTop = scroller().scrollHeight;
    await expect.poll(() => jumpButton()).toBeNull();
    const id = chat.startAnswer();
    await streamLines(chat, id, 10);
    expect(distanceFromBottom()).toBeLessThanOrEqual(1);
  });

  it("scrolls to the latest message when the user sends", async () => {
    mountChat({ messages: longThread(40) });
    await nextFrame();
    scroller().scrollTop = 0;
    await expect.poll(() => jumpButton()).not.toBeNull();
    await userEvent.click(document.querySelector("textarea")!);
    await userEvent.keyboard("a new question{Enter}");
    await expect.poll(() => distanceFromBottom()).toBeLessThanOrEqual(1);
    expect(scroller().querySelector("article:last-of-type")).toHaveTextContent("a new question");
  });

  it("renders earlier messages when scrolled to the top, keeping the reading position", async () => {
    mountChat({ messages: longThread(5000), props: { pageSize: 30 } });
    await nextFrame();
    expect(scroller().querySelectorAll("article")).toHaveLength(30);
    const anchor = scroller().querySelector("article")!;
    const offsetOf = (element: Element) =>
      element.getBoundingClientRect().top - scroller().getBoundingClientRect().top;
    // Where the first rendered message sits when the list is scrolled to its very top.
    const offsetAtTop = offsetOf(anchor) + scroller().scrollTop;
    scroller().scrollTop = 0;
    await expect
      .poll(() => scroller().querySelectorAll("article").length)
      .toBeGreaterThanOrEqual(60);
    await nextFrame();
    // It stays there: what rendered above did not push it away, and the list did not jump to the end.
    expect(Math.abs(offsetOf(anchor) - offsetAtTop)).toBeLessThanOrEqual(1);
    expect(document.querySelector(".acr-message-list__jump")).not.toBeNull();
    expect(anchor.isConnected).toBe(true);
  });

  it('keeps the reader at the cut after "Show all", instead of jumping to the end of the text', async () => {
    const text = Array.from({ length: 400 }, (_, i) => `Line ${i} of a very long answer.`).join(
      "\n",
    );
    const { frame } = mountChat({
      messages: [...longThread(4), chatMessage({ role: "assistant", text })],
      props: { maxDisplayChars: 600 },
    });
    await nextFrame();
    expect(distanceFromBottom()).toBeLessThanOrEqual(1);
    const button = frame.querySelector<HTMLElement>(".acr-message__show-all")!;
    const buttonTop = button.getBoundingClientRect().top;

    await userEvent.click(button);
    await expect.poll(() => frame.querySelector(".acr-message__rest")).not.toBeNull();
    await nextFrame();
    await nextFrame();
    // The revealed text starts where the button was, in view, and the list no longer follows.
    const rest = frame.querySelector<HTMLElement>(".acr-message__rest")!;
    expect(document.activeElement).toBe(rest);
    expect(Math.abs(rest.getBoundingClientRect().top - buttonTop)).toBeLessThan(40);
    expect(distanceFromBottom()).toBeGreaterThan(2_000);
    expect(jumpButton()).not.toBeNull();
  });
});
