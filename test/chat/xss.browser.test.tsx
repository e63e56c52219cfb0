import { userEvent } from "vitest/browser";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { markdown } from "../../src/markdown";
import { mountChat, nextFrame } from "./browser-helpers";
// Load the lazy markdown module up front so the first test does not wait on the dev server.
import "../../src/react/components/markdown/markdown-text";

type Flagged = Window & { __acrXss?: string[] };
const flagged = window as Flagged;

// Each payload, if it ever executed, would record its name in window.__acrXss.
const payloads: Record<string, string> = {
  script: '<script>(window.__acrXss ||= []).push("script")</script>',
  "img onerror":
    '<img src="/definitely-missing.png" onerror="(window.__acrXss ||= []).push(\'img\')">',
  "svg onload": "<svg onload=\"(window.__acrXss ||= []).push('svg')\"></svg>",
  "iframe srcdoc":
    "<iframe srcdoc=\"<script>parent.__acrXss = (parent.__acrXss || []).concat('iframe')</script>\"></iframe>",
  "html javascript link":
    "<a href=\"javascript:(window.__acrXss ||= []).push('html-link')\">click me</a>",
  "markdown javascript link": "[click me](javascript:(window.__acrXss||=[]).push('md-link'))",
  "markdown obfuscated link": "[click me](JaVa&#x09;ScRiPt:(window.__acrXss||=[]).push('md-obf'))",
  "markdown data link": "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "markdown vbscript link": "[click me](vbscript:msgbox(1))",
  "autolink javascript": "<javascript:(window.__acrXss||=[]).push('autolink')>",
  "markdown image onerror": "![x\" onerror=\"(window.__acrXss||=[]).push('md-img')](/missing.png)",
  "html in markdown":
    "Text with <b onmouseover=\"(window.__acrXss ||= []).push('b')\">bold</b> and <style>body{display:none}</style>",
};

async function settle(): Promise<void> {
  // Let failed image loads and iframes report back, were any created.
  await new Promise((resolve) => setTimeout(resolve, 150));
  await nextFrame();
}

/** Checks what the agent's output rendered into: the conversation (the chat's own icons are elsewhere). */
function assertInert(frame: Element): void {
  const root = frame.querySelector('[role="log"]')!;
  expect(flagged.__acrXss).toBeUndefined();
  expect(root.querySelectorAll("script, iframe, svg, img, style, object, embed")).toHaveLength(0);
  for (const element of root.querySelectorAll("*")) {
    for (const attribute of element.getAttributeNames())
      expect(attribute.startsWith("on"), attribute).toBe(false);
  }
  for (const link of root.querySelectorAll("[href]")) {
    expect(link.getAttribute("href")).toMatch(/^(https?:|mailto:|tel:|\/|#|\?|[^:]*$)/i);
  }
}

describe("agent output in Chromium never executes", () => {
  beforeEach(() => {
    delete flagged.__acrXss;
  });

  for (const asMarkdown of [false, true]) {
    describe(asMarkdown ? "as markdown" : "as text", () => {
      it.each(Object.entries(payloads))("%s", async (_name, payload) => {
        const { frame } = mountChat({
          messages: [chatMessage({ role: "assistant", text: payload })],
          props: { markdown: asMarkdown && markdown },
        });
        if (asMarkdown)
          await expect
            .poll(() => frame.querySelector(".acr-markdown"), { timeout: 10_000 })
            .not.toBeNull();
        await settle();
        assertInert(frame);
        // Clicking whatever looks like a link must not run anything either.
        for (const target of frame.querySelectorAll<HTMLElement>(
          ".acr-message a, .acr-markdown__dropped-link",
        )) {
          if (target.getAttribute("target") === "_blank") continue;
          await userEvent.click(target);
        }
        await settle();
        expect(flagged.__acrXss).toBeUndefined();
      });
    });
  }

  it("stays inert when a payload arrives split across chunks", async () => {
    const { chat, frame } = mountChat({ props: { markdown } });
    const id = chat.startAnswer();
    const text = Object.values(payloads).join("\n\n");
    for (let i = 0; i < text.length; i += 7) {
      chat.appendText(id, text.slice(i, i + 7));
      if (i % 70 === 0) await nextFrame();
    }
    chat.finishAnswer(id);
    await expect
      .poll(() => frame.querySelector(".acr-markdown"), { timeout: 10_000 })
      .not.toBeNull();
    await settle();
    assertInert(frame);
  });

  it("stays inert as sources: hostile titles and snippets are text, unsafe URLs no links", async () => {
    const unsafeUrls = [
      "javascript:(window.__acrXss||=[]).push('source')",
      "JaVa\tScRiPt:(window.__acrXss||=[]).push('source-obf')",
      "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
      "vbscript:msgbox(1)",
    ];
    const sources = [
      ...unsafeUrls.map((url) => ({ url, title: "Looks fine" })),
      ...Object.values(payloads).map((payload, index) => ({
        url: `https://example.com/${index}`,
        title: payload,
        snippet: payload,
      })),
    ];
    const { frame } = mountChat({
      messages: [
        chatMessage({
          role: "assistant",
          text: "Sources below.",
          parts: [
            { type: "text", text: "Sources below." },
            { type: "sources", sources },
          ],
        }),
      ],
    });
    await settle();
    assertInert(frame);
    const links = [...frame.querySelectorAll(".acr-sources a")];
    expect(links).toHaveLength(Object.keys(payloads).length);
    for (const link of links) {
      expect(link.getAttribute("href")).toMatch(/^https:\/\/example\.com\/\d+$/);
      expect(link.getAttribute("rel")).toBe("noopener noreferrer");
    }
  });
});
