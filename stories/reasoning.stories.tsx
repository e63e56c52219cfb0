import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { ReasoningView, SourcesView, type SourcesPart } from "../src/index";
import { chatMessage } from "../src/react/components/test-utils/scripted-chat";
import { ScriptedAgentChat } from "./scripted-chat-story";
import { STATE_TIMEOUT_MS } from "./timeouts";

const meta = {
  title: "AgentChat/Reasoning and sources",
  component: ScriptedAgentChat,
  subcomponents: { ReasoningView, SourcesView },
  render: (args) => <ScriptedAgentChat {...args} />,
  args: { theme: "system" },
  argTypes: {
    theme: { control: "inline-radio", options: ["system", "light", "dark"] },
    script: { control: false },
    run: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          "The model's reasoning as a collapsible “Thinking” part (open while it streams, collapsed once the answer starts), and the sources an agent sends, listed under its answer.",
      },
    },
  },
} satisfies Meta<typeof ScriptedAgentChat>;

export default meta;
type Story = StoryObj<typeof meta>;

const question = chatMessage({
  role: "user",
  text: "How does a browser connect to AgentCore Runtime?",
});

const reasoning =
  "The user asks how a browser reaches the runtime. A browser cannot set headers on a WebSocket, " +
  "so the request cannot carry a SigV4 Authorization header. That leaves a presigned URL or a " +
  "bearer token in Sec-WebSocket-Protocol. I should mention that presigned URLs live 300 seconds at most.";

const answerText =
  "A browser cannot set headers on a WebSocket, so it connects with a presigned URL (SigV4 query " +
  "authentication, valid for at most 300 seconds) [1][2] or with an OAuth bearer token carried in " +
  "Sec-WebSocket-Protocol [3].";

const sources: SourcesPart = {
  type: "sources",
  sources: [
    {
      id: "1",
      url: "https://docs.example.com/agentcore/runtime/websocket",
      title: "Bidirectional streaming with AgentCore Runtime",
      snippet:
        "Clients open a WebSocket to the runtime endpoint and authenticate with SigV4 query parameters or an OAuth bearer token.",
    },
    {
      id: "2",
      url: "https://blog.example.org/2025/presigned-websocket-urls",
      title: "Presigned URLs for browser WebSockets",
    },
    { id: "3", url: "https://developer.example.net/docs/Web/API/WebSocket/protocol" },
  ],
};

const thinking = (canvasElement: HTMLElement) =>
  within(canvasElement).getByText("Thinking").closest("details");

/** Reasoning still arriving and no answer yet: the “Thinking” part is open, “in progress”. */
export const ThinkingStreaming: Story = {
  args: {
    script: {
      messages: [
        question,
        chatMessage({
          role: "assistant",
          status: "streaming",
          parts: [{ type: "reasoning", text: reasoning, status: "streaming" }],
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText("in progress", {}, { timeout: STATE_TIMEOUT_MS }),
    ).toBeVisible();
    await expect(thinking(canvasElement)).toHaveProperty("open", true);
    await expect(canvas.getByText(reasoning)).toBeVisible();
  },
};

/** The answer has started: the reasoning, complete, is collapsed above it (a click opens it). */
export const ThinkingCollapsed: Story = {
  args: {
    script: {
      messages: [
        question,
        chatMessage({
          role: "assistant",
          status: "streaming",
          text: answerText,
          parts: [
            { type: "reasoning", text: reasoning, status: "complete" },
            { type: "text", text: answerText },
          ],
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText(answerText, {}, { timeout: STATE_TIMEOUT_MS }),
    ).toBeVisible();
    await expect(thinking(canvasElement)).toHaveProperty("open", false);
    await expect(canvas.queryByText("in progress")).toBeNull();
  },
};

const answered = {
  messages: [
    question,
    chatMessage({
      role: "assistant",
      text: answerText,
      parts: [
        { type: "reasoning", text: reasoning, status: "complete" },
        { type: "text", text: answerText },
        sources,
      ],
    }),
  ],
};

/** Checks the numbered list of sources: each a link to a new tab, the host beside a title. */
async function expectSources(canvasElement: HTMLElement) {
  const canvas = within(canvasElement);
  const link = await canvas.findByRole(
    "link",
    { name: "Bidirectional streaming with AgentCore Runtime" },
    { timeout: STATE_TIMEOUT_MS },
  );
  await expect(link).toHaveAttribute("rel", "noopener noreferrer");
  await expect(link).toHaveAttribute("target", "_blank");
  await expect(canvas.getByText("Sources")).toBeVisible();
  await expect(canvas.getByRole("link", { name: "developer.example.net" })).toBeVisible();
}

/** A finished answer with the sources the agent sent, numbered under it. */
export const WithSources: Story = {
  args: { theme: "light", script: answered },
  play: async ({ canvasElement }) => expectSources(canvasElement),
};

/** The same in the dark theme. */
export const WithSourcesDark: Story = {
  args: { theme: "dark", script: answered },
  play: async ({ canvasElement }) => expectSources(canvasElement),
};
