import { STATE_TIMEOUT_MS } from "./timeouts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  Composer,
  ConnectionBanner,
  Message,
  MessageList,
  StopButton,
  ToolCall,
} from "../src/index";
import { markdown } from "../src/markdown";
import {
  failedConversation,
  markdownAnswer,
  toolCallConversation,
} from "../src/react/components/test-utils/fixtures";
import { chatMessage, longThread } from "../src/react/components/test-utils/scripted-chat";
import { MockAgentChat } from "./mock-agent-chat";
import { echoScript, type AgentScript } from "./mock-agents";
import { ScriptedAgentChat, longStreamingText } from "./scripted-chat-story";

const meta = {
  title: "AgentChat/States",
  component: ScriptedAgentChat,
  tags: ["autodocs"],
  subcomponents: { MessageList, Message, Composer, ConnectionBanner, StopButton, ToolCall },
  render: (args) => <ScriptedAgentChat {...args} />,
  args: {
    markdown: false,
    theme: "system",
    density: "comfortable",
    placeholder: "Write a message…",
    suggestions: [],
  },
  argTypes: {
    theme: { control: "inline-radio", options: ["system", "light", "dark"] },
    density: { control: "inline-radio", options: ["comfortable", "compact"] },
    dir: { control: "inline-radio", options: ["ltr", "rtl", "auto"] },
    // Markdown is the renderer from `agentcore-react/markdown`; the control switches it on and off.
    markdown: {
      control: "inline-radio",
      options: ["plain text", "markdown"],
      mapping: { "plain text": false, markdown },
    },
    labels: { control: "object" },
    suggestions: { control: "object" },
    renderMessage: { control: false },
    emptyState: { control: false },
    header: { control: false },
    children: { control: false },
    script: { control: false },
    run: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          "The drop-in chat. These stories drive it with a scripted conversation; type a message in any of them and a scripted agent answers.",
      },
    },
  },
} satisfies Meta<typeof ScriptedAgentChat>;

export default meta;
type Story = StoryObj<typeof meta>;

const user = (text: string) => chatMessage({ role: "user", text });
const agent = (text: string) => chatMessage({ role: "assistant", text });

const SUGGESTIONS = ["What can you do?", "Summarise my last order", "Plan a weekend in Lisbon"];

/** Before the first message: a welcome and suggestion prompts. */
export const Empty: Story = {
  args: { suggestions: SUGGESTIONS },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole("heading", { name: "How can I help?" })).toBeVisible();
    const suggestions = canvas.getByRole("list", { name: "Suggestions" });
    await expect(within(suggestions).getAllByRole("button")).toHaveLength(3);
    await expect(canvasElement.querySelector("article")).toBeNull();
  },
};

/** Choosing a suggestion sends it; focus goes to the composer for the next message. */
export const SuggestionChosen: Story = {
  args: { suggestions: SUGGESTIONS },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "What can you do?" }));
    await expect(
      await canvas.findByText("What can you do?", { selector: ".acr-text" }),
    ).toBeVisible();
    await expect(canvas.getByRole("textbox", { name: "Message" })).toHaveFocus();
  },
};

const streamingAgent: AgentScript = {
  // Greets with a long answer as soon as the socket opens, then echoes what the user sends.
  onConnect: (socket) =>
    void socket.streamAnswer(longStreamingText, { chunkWords: 2, intervalMs: 120 }),
  onMessage: echoScript.onMessage,
};

/**
 * An answer arriving through the real hook and connection from an in-memory agent: the
 * in-progress dots, `aria-busy` and the Stop button.
 */
export const Streaming: Story = {
  render: ({ script: _script, run: _run, ...view }) => (
    <MockAgentChat {...view} agent={streamingAgent} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvasElement.querySelector('[aria-busy="true"]')).not.toBeNull(), {
      timeout: STATE_TIMEOUT_MS,
    });
    await expect(canvas.getByRole("button", { name: "Stop" })).toBeVisible();
  },
};

/** A long answer rendered as sanitized markdown: lists, inline code, a code block, a quote, a link. */
export const LongAnswerWithMarkdown: Story = {
  args: {
    markdown,
    script: { messages: [user("How do I sign a URL in the browser?"), agent(markdownAnswer)] },
  },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(canvasElement.querySelector(".acr-markdown pre code")).not.toBeNull(),
      { timeout: STATE_TIMEOUT_MS },
    );
    const link = within(canvasElement).getByRole("link", { name: "the docs" });
    await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  },
};

/** Tool calls the agent made, collapsed to name and status; expand one to see arguments and result. */
export const ToolCalls: Story = {
  args: { script: { messages: toolCallConversation() } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByText("Tool: get_weather"));
    await expect(canvas.getByText("Result")).toBeVisible();
  },
};

/** The user stopped an answer: Stop ends it and focus returns to the composer. */
export const Stopped: Story = {
  args: {
    script: { messages: [user("Tell me everything about WebSockets.")] },
    run: (chat) => void chat.streamAnswer(longStreamingText, { chunkSize: 4, intervalMs: 60 }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Stop" }));
    await expect(await canvas.findByText("Stopped")).toBeVisible();
    await expect(canvas.getByRole("textbox", { name: "Message" })).toHaveFocus();
  },
};

/** A message that could not be delivered, with the reason and Retry. */
export const FailedMessageWithRetry: Story = {
  args: {
    script: {
      messages: failedConversation(),
      onRetry: (id, chat) => {
        setTimeout(() => {
          chat.updateMessage(id, { status: "complete" });
          void chat.streamAnswer("Got it this time. Here is the summary you asked for.", {
            intervalMs: 40,
          });
        }, 400);
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/Not delivered/)).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Retry" })).toBeVisible();
  },
};

/** Retry on a failed message: it waits to be sent again, then goes out and is answered. */
export const FailedMessageRetried: Story = {
  args: FailedMessageWithRetry.args,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Retry" }));
    await expect(await canvas.findByText("Waiting to send…")).toBeVisible();
  },
};

/** 5,000 messages: only the latest page renders; scrolling to the top renders more. */
export const LongThread: Story = {
  args: { script: { messages: longThread(5000) } },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll("article")).toHaveLength(100);
    await expect(
      within(canvasElement).getByRole("button", { name: "Show earlier messages" }),
    ).toBeInTheDocument();
  },
};

/** Hostile or runaway output: a long answer the store cut (`truncated`), shown up to the cap. */
const longTruncatedAnswer = (): ReturnType<typeof agent> =>
  chatMessage({
    role: "assistant",
    truncated: true,
    text: `Sign in at [https://bank.example/login](https://evil.example/login) first.\n\n${"The log goes on and on. ".repeat(400)}`,
  });

/**
 * A message longer than `maxDisplayChars` ends with "Show all (N characters)"; one the store
 * cut at `maxMessageChars` has a note; a link whose text names another address shows where it
 * goes.
 */
export const LongMessageTruncated: Story = {
  args: {
    markdown,
    maxDisplayChars: 600,
    script: { messages: [user("Print the whole log."), longTruncatedAnswer()] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(/^Truncated:/)).toBeVisible();
    await waitFor(() => expect(canvas.getByText("(evil.example)")).toBeVisible(), {
      timeout: STATE_TIMEOUT_MS,
    });
    await expect(
      canvas.getByRole("button", { name: /^Show all \(\d[\d,]* characters\)$/ }),
    ).toBeVisible();
  },
};

/** "Show all" pressed: the rest of the message, as plain text. */
export const LongMessageShownInFull: Story = {
  args: LongMessageTruncated.args,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const showAll = await canvas.findByRole(
      "button",
      { name: /^Show all \(\d[\d,]* characters\)$/ },
      { timeout: STATE_TIMEOUT_MS },
    );
    await userEvent.click(showAll);
    await expect(canvas.queryByRole("button", { name: /^Show all/ })).toBeNull();
  },
};

/** The same, in the dark theme. */
export const LongMessageTruncatedDark: Story = {
  args: { ...LongMessageTruncated.args, theme: "dark" },
  parameters: { backgrounds: { default: "dark" } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByText("(evil.example)")).toBeVisible(), {
      timeout: STATE_TIMEOUT_MS,
    });
    await expect(canvas.getByRole("button", { name: /^Show all/ })).toBeVisible();
  },
};

/** The dark theme, forced with `theme="dark"` (by default it follows the OS). */
export const Dark: Story = {
  args: {
    theme: "dark",
    markdown,
    script: {
      messages: [
        ...toolCallConversation(),
        user("And tomorrow?"),
        agent("Tomorrow: **sunny**, 19 °C. No umbrella needed."),
      ],
    },
  },
  parameters: { backgrounds: { default: "dark" } },
};

/** Right to left: `dir="rtl"` mirrors the layout; labels translated through `labels`. */
export const RightToLeft: Story = {
  args: {
    dir: "rtl",
    labels: {
      send: "إرسال",
      stop: "إيقاف",
      composerLabel: "رسالة",
      composerPlaceholder: "اكتب رسالة…",
      messageList: "المحادثة",
      chatRegion: "الدردشة مع الوكيل",
      userName: "أنت",
      assistantName: "الوكيل",
    },
    placeholder: "اكتب رسالة…",
    script: {
      messages: [
        user("مرحبا، ما حالة الطقس في القاهرة؟"),
        agent("الجو مشمس ودرجة الحرارة ٣٠ درجة مئوية."),
      ],
    },
  },
};
