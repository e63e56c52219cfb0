import { cdp } from "vitest/browser";
// A fresh `npm create vite` React-TS app's stylesheets: `h1, h2 { color; font-family;
// letter-spacing }` and `code { display: inline-flex; padding; color; background }`.
import "../fixtures/create-vite/index.css";
import "../fixtures/create-vite/App.css";
import "../../src/react/components/markdown/markdown-text";
import { markdown } from "../../src/markdown";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { toolCallConversation } from "../../src/react/components/test-utils/fixtures";
import { mountChat, nextFrame } from "./browser-helpers";

// A chat themed apart from its page (README's `theme="dark"` in the template's light page, or
// `theme="light"` in its dark one) draws its headings and code in its own colours and type,
// not in the page's rules for bare `h2` and `code`.

const ANSWER = "## Before you start\n\nRun `npm start`, then open the page.";

async function colorScheme(value: "light" | "dark"): Promise<void> {
  await cdp().send("Emulation.setEmulatedMedia", {
    features: [{ name: "prefers-color-scheme", value }],
  });
}

const styleOf = (selector: string) => getComputedStyle(document.querySelector(selector)!);

/** A colour variable of the chat's theme, resolved to what computed styles report. */
function chatColor(variable: string): string {
  const probe = document.createElement("span");
  probe.style.color = `var(${variable})`;
  document.querySelector(".acr-chat")!.append(probe);
  const color = getComputedStyle(probe).color;
  probe.remove();
  return color;
}

describe.each([
  { page: "light", theme: "dark" },
  { page: "dark", theme: "light" },
] as const)("a $theme chat on a $page page", ({ page, theme }) => {
  beforeEach(async () => {
    await colorScheme(page);
  });
  afterEach(async () => {
    await colorScheme("light");
  });

  it("titles its welcome in its own colour and font", async () => {
    mountChat({ props: { theme } });
    await nextFrame();
    const chat = styleOf(".acr-chat");
    const title = styleOf(".acr-empty-state__title");
    expect(styleOf("h2").color).toBe(title.color); // the title is the page's only h2
    expect(title.color).toBe(chatColor("--acr-color-text"));
    expect(title.color).toBe(chat.color);
    expect(title.fontFamily).toBe(chat.fontFamily);
  });

  it("draws a markdown answer's headings and inline code in its own colours", async () => {
    mountChat({
      messages: [chatMessage({ role: "assistant", text: ANSWER })],
      props: { theme, markdown },
    });
    await expect.poll(() => document.querySelector(".acr-markdown code")).not.toBeNull();
    const chat = styleOf(".acr-chat");
    const heading = styleOf(".acr-markdown h2");
    expect(heading.color).toBe(chat.color);
    expect(heading.fontFamily).toBe(chat.fontFamily);
    const code = styleOf(".acr-markdown code");
    expect(code.color).toBe(chat.color);
    expect(code.display).toBe("inline");
    expect(code.paddingTop).toBe("0px");
    expect(code.backgroundColor).toBe(chatColor("--acr-color-code-bg"));
  });

  it("shows a tool call's arguments in the payload's type and its colours", async () => {
    mountChat({ messages: toolCallConversation(), props: { theme } });
    await nextFrame();
    const payload = styleOf(".acr-tool-call__payload");
    const code = styleOf(".acr-tool-call__payload code");
    expect(code.color).toBe(styleOf(".acr-chat").color);
    expect(code.fontSize).toBe(payload.fontSize);
    expect(code.display).toBe("inline");
    expect(code.backgroundColor).toBe("rgba(0, 0, 0, 0)");
  });
});
