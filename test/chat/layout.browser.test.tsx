import { render } from "@testing-library/react";
import type { CSSProperties } from "react";
import { cdp, page } from "vitest/browser";
// The stylesheets of a fresh `npm create vite` React-TS app (create-vite 9.3.0's own files):
// `#root` is a centred column, `min-height: 100svh`, `text-align: center`, 18px/145% type.
import "../fixtures/create-vite/index.css";
import "../fixtures/create-vite/App.css";
import { AgentChat, type AgentChatViewProps, type ChatMessage } from "../../src/index";
import {
  chatMessage,
  createScriptedChat,
  longThread,
} from "../../src/react/components/test-utils/scripted-chat";
import { nextFrame } from "./browser-helpers";

// The README's three-line chat, dropped into that app's `App`: it must fill the page with the
// composer at the bottom, and read as a chat, not as the template's centred hero text.

const DIR = "../../test-results/screenshots";
/** Two lines of different lengths: how text is aligned shows on the short one. */
const ANSWER =
  "AgentCore Runtime streams the answer over one WebSocket, in order, as the agent writes it.\nThat's all.";

interface Mount {
  /** Where the chat is put inside `#root`, as an app's markup would. */
  wrapper?: CSSProperties;
  props?: Partial<AgentChatViewProps>;
  messages?: ChatMessage[];
}

/** Renders `<AgentChat>` as the app's `App` into `#root`, optionally inside a wrapper. */
function mountApp({ wrapper, props, messages }: Mount = {}): HTMLElement {
  const root = document.createElement("div");
  root.id = "root";
  document.body.append(root);
  const chat = createScriptedChat({
    messages: messages ?? [
      chatMessage({ role: "user", text: "How does the answer arrive?" }),
      chatMessage({ role: "assistant", text: ANSWER }),
    ],
  });
  const element = <AgentChat chat={chat} {...props} />;
  render(wrapper ? <div style={wrapper}>{element}</div> : element, { container: root });
  return document.querySelector<HTMLElement>(".acr-chat")!;
}

const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();

/** Where each line of the agent's answer starts and ends, and the box they are laid out in. */
interface Span {
  left: number;
  right: number;
}

function answerLines(): { lines: Span[]; content: Span } {
  const text = document.querySelector(".acr-message--assistant .acr-text")!;
  const range = document.createRange();
  range.selectNodeContents(text);
  const style = getComputedStyle(text);
  const outer = text.getBoundingClientRect();
  const content = {
    left: outer.left + parseFloat(style.paddingLeft),
    right: outer.right - parseFloat(style.paddingRight),
  };
  // The text's fragments (a line break is one of its own), joined into one box per line.
  const byLine = new Map<number, { left: number; right: number }>();
  for (const rect of range.getClientRects()) {
    const line = byLine.get(rect.top);
    byLine.set(rect.top, {
      left: Math.min(line?.left ?? Infinity, rect.left),
      right: Math.max(line?.right ?? -Infinity, rect.right),
    });
  }
  return { lines: [...byLine.values()], content };
}

async function shoot(name: string): Promise<void> {
  await nextFrame();
  await page.screenshot({ path: `${DIR}/${name}.png` });
}

async function colorScheme(value: "light" | "dark"): Promise<void> {
  await cdp().send("Emulation.setEmulatedMedia", {
    features: [{ name: "prefers-color-scheme", value }],
  });
}

describe("<AgentChat> in a fresh Vite React-TS app", () => {
  beforeEach(async () => {
    await page.viewport(1280, 800);
  });
  afterEach(async () => {
    await colorScheme("light");
  });

  it("fills #root (a column of min-height 100svh), with the composer at its bottom", async () => {
    const chat = mountApp();
    await nextFrame();
    const rect = chat.getBoundingClientRect();
    expect(rect.top).toBe(0);
    expect(rect.height).toBe(800);
    expect(box(".acr-composer").bottom).toBe(rect.bottom);
    await shoot("vite-app-light");
  });

  it("is about --acr-height (min(100dvh, 600px)) tall in a container without a height, and does not grow with its messages", async () => {
    const chat = mountApp({ wrapper: {}, messages: longThread(40) });
    await nextFrame();
    const rect = chat.getBoundingClientRect();
    // The message list's basis is 600px less 4rem (72px at the template's 18px); the composer
    // is 4rem and its 1px border.
    expect(rect.height).toBeGreaterThanOrEqual(600);
    expect(rect.height).toBeLessThanOrEqual(602);
    expect(box(".acr-composer").bottom).toBe(rect.bottom);
    const scroller = document.querySelector(".acr-message-list__scroller")!;
    expect(scroller.scrollHeight).toBeGreaterThan(scroller.clientHeight);
    await shoot("vite-app-no-height");
  });

  it("is no taller than a short viewport without a height from its container", async () => {
    await page.viewport(390, 500);
    const chat = mountApp({ wrapper: {} });
    await nextFrame();
    const rect = chat.getBoundingClientRect();
    expect(rect.height).toBeGreaterThanOrEqual(500);
    expect(rect.height).toBeLessThanOrEqual(502);
    expect(box(".acr-composer").bottom).toBe(rect.bottom);
  });

  it.each([300, 700, 900])("fills a container %ipx high exactly", async (height) => {
    const chat = mountApp({ wrapper: { height } });
    await nextFrame();
    expect(chat.getBoundingClientRect().height).toBe(height);
    expect(box(".acr-composer").bottom).toBe(chat.getBoundingClientRect().bottom);
  });

  it("aligns the agent's text to the start, not to #root's text-align: center", async () => {
    const chat = mountApp();
    await nextFrame();
    expect(getComputedStyle(chat).textAlign).toBe("start");
    expect(getComputedStyle(chat).letterSpacing).toBe("normal");
    const { lines, content } = answerLines();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(Math.abs(line.left - content.left)).toBeLessThan(1);
    // The short last line ends well before the box: it is not centred or stretched.
    expect(content.right - lines.at(-1)!.right).toBeGreaterThan(100);
  });

  it("aligns it to the right under dir=rtl", async () => {
    mountApp({ props: { dir: "rtl" } });
    await nextFrame();
    const { lines, content } = answerLines();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(Math.abs(line.right - content.right)).toBeLessThan(1);
    expect(lines.at(-1)!.left - content.left).toBeGreaterThan(100);
  });

  it("in the dark (the OS's scheme, which the template and the chat both follow)", async () => {
    await colorScheme("dark");
    const chat = mountApp();
    await nextFrame();
    expect(getComputedStyle(chat).colorScheme).toBe("dark");
    expect(chat.getBoundingClientRect().height).toBe(800);
    await shoot("vite-app-dark");
  });

  it("390px wide: fills the phone's height, composer at the bottom", async () => {
    await page.viewport(390, 844);
    const chat = mountApp();
    await nextFrame();
    const rect = chat.getBoundingClientRect();
    expect(rect.height).toBe(844);
    expect(rect.width).toBeLessThanOrEqual(390);
    expect(box(".acr-composer").bottom).toBe(rect.bottom);
    await shoot("vite-app-390");
  });
});
