import type { Meta, StoryObj } from "@storybook/react-vite";
import "katex/dist/katex.min.css";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import { expect, waitFor } from "storybook/test";
import { markdown, type MarkdownRenderer } from "../src/markdown";
import { chatMessage } from "../src/react/components/test-utils/scripted-chat";
import { ScriptedAgentChat } from "./scripted-chat-story";
import { STATE_TIMEOUT_MS } from "./timeouts";

/** Markdown with the defaults; the stories below that need plugins make their own. */
const plainMarkdown: MarkdownRenderer = markdown;

const meta = {
  title: "AgentChat/Markdown",
  component: ScriptedAgentChat,
  render: (args) => <ScriptedAgentChat {...args} />,
  args: { theme: "light", markdown: plainMarkdown },
  argTypes: {
    theme: { control: "inline-radio", options: ["system", "light", "dark"] },
    markdown: { control: false },
    script: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          "Agent answers as sanitized markdown (`agentcore-react/markdown`): code blocks with a lazily loaded highlighter and a Copy button, tables that scroll inside the message, and math through app-provided remark/rehype plugins.",
      },
    },
  },
} satisfies Meta<typeof ScriptedAgentChat>;

export default meta;
type Story = StoryObj<typeof meta>;

const user = (text: string) => chatMessage({ role: "user", text });
const agent = (text: string) => chatMessage({ role: "assistant", text });

const codeAnswer = [
  "Sign the URL on your backend, then open the socket:",
  "```ts",
  'import { AgentChat, backendUrlProvider } from "agentcore-react";',
  "",
  "// The backend presigns; the browser never sees AWS credentials.",
  'const urlProvider = backendUrlProvider({ endpoint: "/api/agent-url" });',
  "export const Support = () => <AgentChat urlProvider={urlProvider} />;",
  "```",
  "The same handler in Python:",
  "```python",
  "def handler(event, context):",
  '    """Returns a presigned WebSocket URL."""',
  '    return {"statusCode": 200, "body": presign(expires=300)}',
  "```",
  "Install and run it (one long line scrolls sideways):",
  "```bash",
  "npm install agentcore-react react-markdown && AWS_REGION=us-east-1 AGENT_RUNTIME_ARN=arn:aws:bedrock-agentcore:us-east-1:123456789012:runtime/support-agent-a1b2c3 npm run demo -- --port 5173 --open",
  "```",
  "What changed:",
  "```diff",
  "-const timeoutMs = 1_000;",
  "+const timeoutMs = 5_000;",
  "```",
  "A language the highlighter does not know stays plain:",
  "```brainfuck",
  "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.",
  "```",
].join("\n");

const codeScript = {
  messages: [user("How do I connect the chat to my agent?"), agent(codeAnswer)],
};

/** Waits until every code block with a language the highlighter knows is coloured. */
async function highlighted(canvasElement: HTMLElement, count: number) {
  await waitFor(
    () => expect(canvasElement.querySelectorAll("code[data-highlighted]")).toHaveLength(count),
    { timeout: STATE_TIMEOUT_MS },
  );
}

/**
 * Code blocks in several languages, highlighted once the highlighter's chunk has loaded (plain
 * text until then), each with its language and a Copy button; a long line scrolls sideways and
 * an unknown language stays plain.
 */
export const CodeBlocks: Story = {
  args: { script: codeScript },
  play: async ({ canvasElement }) => highlighted(canvasElement, 4),
};

/** The same code blocks in the dark theme. */
export const CodeBlocksDark: Story = {
  args: { script: codeScript, theme: "dark" },
  play: async ({ canvasElement }) => highlighted(canvasElement, 4),
};

const regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"];
const tableAnswer = [
  "Latency and cost per region over the last 30 days (the table scrolls sideways):",
  "",
  "| Region | Sessions | p50 latency | p95 latency | p99 latency | Errors | Reconnects | Avg tokens | Cost (USD) | Notes |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
  ...regions.map(
    (region, i) =>
      `| ${region} | ${(12_400 - i * 1_700).toLocaleString("en-US")} | ${38 + i * 9} ms | ${95 + i * 21} ms | ${180 + i * 40} ms | ${(0.2 + i * 0.07).toFixed(2)}% | ${14 + i * 3} | ${1_820 + i * 55} | ${(412.5 - i * 48.25).toFixed(2)} | ${i === 0 ? "Primary region, most traffic" : "Secondary"} |`,
  ),
].join("\n");

/** A table wider than the message scrolls inside it (a focusable, named region) instead of widening the chat. */
export const LongTable: Story = {
  args: {
    markdown: markdown({ remarkPlugins: [remarkGfm] }),
    script: { messages: [user("How do the regions compare?"), agent(tableAnswer)] },
  },
  play: async ({ canvasElement }) => {
    await waitFor(
      () =>
        expect(canvasElement.querySelector('.acr-markdown__table[role="region"]')).not.toBeNull(),
      { timeout: STATE_TIMEOUT_MS },
    );
  },
};

const mathAnswer = [
  "The presigned URL is valid for $t \\le 300$ s, and the connection renews it $\\Delta = 30$ s before it expires.",
  "",
  "The expected number of reconnect attempts before success, with failure probability $p$ per attempt:",
  "",
  "$$",
  "E[n] = \\sum_{k=1}^{\\infty} k \\, p^{k-1} (1 - p) = \\frac{1}{1 - p}",
  "$$",
  "",
  "And the backoff delay after attempt $k$ is $d_k = \\min\\left(d_{\\max}, d_0 \\cdot 2^{k}\\right)$.",
].join("\n");

/**
 * Math through plugins the app passes: `remark-math` and `rehype-katex` (with KaTeX's size and
 * macro limits), sanitized after them like any plugin output.
 */
export const Math: Story = {
  args: {
    markdown: markdown({
      remarkPlugins: [remarkMath],
      rehypePlugins: [[rehypeKatex, { maxSize: 10, maxExpand: 100 }]],
    }),
    script: { messages: [user("How many reconnects should I expect?"), agent(mathAnswer)] },
  },
  play: async ({ canvasElement }) => {
    await waitFor(
      () => expect(canvasElement.querySelector(".acr-markdown .katex-display")).not.toBeNull(),
      { timeout: STATE_TIMEOUT_MS },
    );
  },
};
