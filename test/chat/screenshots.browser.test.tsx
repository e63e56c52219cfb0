import { page } from "vitest/browser";
import {
  chatMessage,
  longThread,
  type ScriptedChat,
} from "../../src/react/components/test-utils/scripted-chat";
import {
  failedConversation,
  markdownAnswer,
  toolCallConversation,
} from "../../src/react/components/test-utils/fixtures";
import "../../src/react/components/markdown/markdown-text";
import { markdown } from "../../src/markdown";
import { mountChat, nextFrame } from "./browser-helpers";

// Screenshots of the main states, saved as artifacts for review (not compared).
const DIR = "../../test-results/screenshots";

async function shoot(name: string, frame: HTMLElement): Promise<void> {
  await nextFrame();
  const path = await page.screenshot({ path: `${DIR}/${name}.png`, element: frame });
  expect(path).toMatch(new RegExp(`${name}\\.png$`));
}

function streaming(chat: ScriptedChat): void {
  const id = chat.startAnswer();
  chat.appendText(
    id,
    "Amazon Bedrock AgentCore Runtime hosts agents behind a WebSocket endpoint. The browser connects with a presigned URL",
  );
}

describe("screenshots of the main states", () => {
  beforeAll(async () => {
    await page.viewport(720, 800);
  });

  it("empty, with suggestions", async () => {
    const { frame } = mountChat({
      props: {
        suggestions: ["What can you do?", "Summarise my last order", "Plan a trip to Lisbon"],
      },
    });
    expect(frame).toHaveTextContent("How can I help?");
    await shoot("empty", frame);
  });

  it("streaming", async () => {
    const { chat, frame } = mountChat({
      messages: [chatMessage({ role: "user", text: "How does the browser connect?" })],
    });
    streaming(chat);
    await expect.poll(() => frame.querySelector('[aria-busy="true"]')).not.toBeNull();
    expect(frame.querySelector(".acr-stop-button")).not.toBeNull();
    await shoot("streaming", frame);
  });

  it("markdown answer with code", async () => {
    const { frame } = mountChat({
      messages: [
        chatMessage({ role: "user", text: "How do I sign a URL?" }),
        chatMessage({ role: "assistant", text: markdownAnswer }),
      ],
      props: { markdown },
      height: 720,
    });
    await expect
      .poll(() => frame.querySelector(".acr-markdown pre"), { timeout: 10_000 })
      .not.toBeNull();
    await shoot("markdown", frame);
  });

  it("tool calls", async () => {
    const { frame } = mountChat({ messages: toolCallConversation() });
    frame.querySelector("details")!.open = true;
    expect(frame.querySelectorAll("details")).toHaveLength(2);
    await shoot("tool-calls", frame);
  });

  it("failed message with retry", async () => {
    const { frame } = mountChat({ messages: failedConversation() });
    expect(frame).toHaveTextContent("Retry");
    await shoot("failed-message", frame);
  });

  it("reconnecting", async () => {
    const { frame } = mountChat({
      messages: longThread(6),
      connection: {
        status: "reconnecting",
        attempt: 2,
        nextRetryAt: Date.now() + 4_500,
        lastCloseCode: 1006,
      },
    });
    expect(frame).toHaveTextContent("Reconnecting in");
    await shoot("reconnecting", frame);
  });

  it("offline", async () => {
    const { frame } = mountChat({
      messages: longThread(6),
      connection: { status: "reconnecting", online: false },
    });
    await shoot("offline", frame);
  });

  it("connection failed", async () => {
    const { frame } = mountChat({
      messages: longThread(6),
      connection: { status: "failed", reason: "not-opened" },
    });
    await shoot("failed-connection", frame);
  });

  it("dark", async () => {
    const { chat, frame } = mountChat({
      messages: toolCallConversation(),
      props: { theme: "dark" },
    });
    streaming(chat);
    await shoot("dark", frame);
  });

  it("right to left", async () => {
    const { frame } = mountChat({
      messages: [
        chatMessage({ role: "user", text: "مرحبا، كيف حالك؟" }),
        chatMessage({ role: "assistant", text: "بخير، شكرا! كيف يمكنني مساعدتك؟" }),
      ],
      props: { dir: "rtl", labels: { send: "إرسال", composerPlaceholder: "اكتب رسالة…" } },
    });
    const user = frame.querySelector(".acr-message--user .acr-message__bubble")!;
    const avatar = frame.querySelector(".acr-message--assistant .acr-message__avatar")!;
    // Mirrored: the user's bubble sits on the left, the agent's avatar on the right.
    expect(user.getBoundingClientRect().right).toBeLessThan(avatar.getBoundingClientRect().left);
    await shoot("rtl", frame);
  });

  it("a link whose text names another address", async () => {
    const { frame } = mountChat({
      messages: [
        chatMessage({
          role: "assistant",
          text: "Sign in at [https://bank.example/login](https://evil.example/login) or read [the docs](https://docs.example).",
        }),
      ],
      props: { markdown },
      height: 240,
    });
    await expect
      .poll(() => frame.querySelector(".acr-markdown__link-destination"), { timeout: 10_000 })
      .not.toBeNull();
    await shoot("link-destination", frame);
  });

  // A long answer cut at the display cap, from a store that also truncated it.
  function longAnswer(): ReturnType<typeof chatMessage>[] {
    const paragraph =
      "AgentCore Runtime streams the answer in frames; the chat shows the beginning of a long one and keeps the rest behind a button. ";
    return [
      chatMessage({ role: "user", text: "Print the whole log, please." }),
      chatMessage({ role: "assistant", text: paragraph.repeat(1_000), truncated: true }),
    ];
  }

  for (const [name, props, width] of [
    ["long-message", {}, 640],
    ["long-message-dark", { theme: "dark" }, 640],
    ["long-message-390", {}, 390],
  ] as const) {
    it(`long message with "Show all" (${name})`, async () => {
      const { frame } = mountChat({
        messages: longAnswer(),
        props: { ...props, maxDisplayChars: 400 },
        width,
        height: 560,
      });
      const button = frame.querySelector<HTMLElement>(".acr-message__show-all")!;
      expect(button).toHaveTextContent("Show all (127,000 characters)");
      expect(frame.querySelector(".acr-message__truncated")).toBeVisible();
      button.focus();
      await shoot(name, frame);
    });
  }

  it("compact density", async () => {
    const { frame } = mountChat({ messages: longThread(10), props: { density: "compact" } });
    await shoot("compact", frame);
  });
});
