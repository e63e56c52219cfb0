import { STATE_TIMEOUT_MS } from "./timeouts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import {
  chatMessage,
  longThread,
  type ScriptedChat,
  type ScriptedChatOptions,
} from "../src/react/components/test-utils/scripted-chat";
import { MockAgentChat, alwaysOffline } from "./mock-agent-chat";
import { echoScript, type AgentScript } from "./mock-agents";
import { ScriptedAgentChat } from "./scripted-chat-story";

const meta = {
  title: "AgentChat/Connection",
  component: ScriptedAgentChat,
  render: (args) => <ScriptedAgentChat {...args} />,
} satisfies Meta<typeof ScriptedAgentChat>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The visible banner (its text is also in the polite live region, so query the banner itself). */
function banner(canvasElement: HTMLElement): HTMLElement {
  const element = canvasElement.querySelector<HTMLElement>(".acr-connection-banner");
  if (!element) throw new Error("no connection banner");
  return element;
}

function reconnectNow(chat: ScriptedChat): void {
  chat.setConnection({ status: "connecting", nextRetryAt: null });
  setTimeout(() => chat.setConnection({ status: "open", attempt: 0, lastCloseCode: null }), 600);
}

const flakyAgent: AgentScript = {
  onConnect: (socket) => {
    // The first stream drops after a moment; the next three attempts fail at once.
    if (socket.connection === 1) setTimeout(() => socket.close(1011, "internal error"), 600);
    else if (socket.connection <= 4) socket.close(1011, "still unavailable");
  },
  onMessage: echoScript.onMessage,
};

/**
 * The stream dropped: reconnecting in N s (real backoff), with "Retry now". Messages typed
 * meanwhile queue and go out once the connection is back.
 */
export const Reconnecting: Story = {
  render: ({ script: _script, run: _run, ...view }) => (
    <MockAgentChat
      {...view}
      agent={flakyAgent}
      retry={{ initialDelayMs: 4_000, maxDelayMs: 8_000, random: () => 1 }}
    />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(banner(canvasElement)).toHaveTextContent(/Reconnecting in \d s/), {
      timeout: STATE_TIMEOUT_MS,
    });
    await expect(canvas.getByRole("button", { name: "Retry now" })).toBeVisible();
    await userEvent.type(canvas.getByRole("textbox", { name: "Message" }), "Are you there?{Enter}");
    await expect(await canvas.findByText("Waiting to send…")).toBeVisible();
  },
};

/** The browser is offline (`onlineSource`): the banner says so; messages queue until it is back. */
export const Offline: Story = {
  render: ({ script: _script, run: _run, ...view }) => (
    <MockAgentChat {...view} agent={echoScript} onlineSource={alwaysOffline} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(banner(canvasElement)).toHaveTextContent(/You are offline/));
    await userEvent.type(canvas.getByRole("textbox", { name: "Message" }), "Later, then{Enter}");
    await expect(await canvas.findByText("Waiting to send…")).toBeVisible();
  },
};

const expiringAgent: AgentScript = {
  // The service refuses the first stream with 1008; the fresh URL takes a while to mint.
  onConnect: (socket) => {
    if (socket.connection === 1) setTimeout(() => socket.close(1008, "credentials expired"), 800);
  },
  onMessage: echoScript.onMessage,
  providerDelayMs: (call) => (call === 2 ? 6_000 : 0),
};

/** The service closed with 1008 (expired credentials): the connection presigns a fresh URL and reconnects. */
export const ExpiredCredentials1008: Story = {
  render: ({ script: _script, run: _run, ...view }) => (
    <MockAgentChat {...view} agent={expiringAgent} />
  ),
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(banner(canvasElement)).toHaveTextContent(/Credentials expired/), {
      timeout: STATE_TIMEOUT_MS,
    });
    await expect(within(canvasElement).getByRole("button", { name: "Retry now" })).toBeVisible();
  },
};

const strictAgent: AgentScript = {
  // Refuses any message over 200 characters with 1009, as the service does over 32 KB.
  onMessage: (text, socket) => {
    if (text.length > 200) socket.close(1009, "message too big");
    else echoScript.onMessage?.(text, socket);
  },
};

/** The service closed with 1009 (message too big): that message fails with the reason; Retry is offered. */
export const TooLarge1009: Story = {
  render: ({ script: _script, run: _run, ...view }) => (
    <MockAgentChat {...view} agent={strictAgent} />
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("textbox", { name: "Message" }));
    await userEvent.paste("Please summarise this: " + "lorem ipsum dolor sit amet ".repeat(12));
    await userEvent.keyboard("{Enter}");
    await expect(
      await canvas.findByText(/Not delivered: .*1009/, {}, { timeout: STATE_TIMEOUT_MS }),
    ).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Retry" })).toBeVisible();
  },
};

const failedScript = {
  messages: [chatMessage({ role: "user", text: "Hello?" })],
  connection: { status: "failed", reason: "not-opened" },
  onReconnect: reconnectNow,
} satisfies ScriptedChatOptions;

/** The connection gave up: the reason and "Reconnect". Sending reopens it too. */
export const Failed: Story = {
  args: { script: failedScript },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(banner(canvasElement)).toHaveTextContent(
      /Connection failed. The agent runtime refused the connection./,
    );
    await expect(canvas.getByRole("button", { name: "Reconnect" })).toBeVisible();
  },
};

/** "Reconnect" pressed after a failure: the banner says it is connecting again. */
export const ReconnectAfterFailure: Story = {
  args: { script: failedScript },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Reconnect" }));
    await waitFor(() => expect(banner(canvasElement)).toHaveTextContent("Connecting…"));
  },
};

/** The app closed the conversation: the banner offers Reconnect; sending reopens it. */
export const Closed: Story = {
  args: {
    script: {
      messages: longThread(4),
      connection: { status: "closed" },
      onReconnect: reconnectNow,
    },
  },
  play: async ({ canvasElement }) => {
    await expect(banner(canvasElement)).toHaveTextContent("The conversation is closed.");
    await expect(within(canvasElement).getByRole("textbox", { name: "Message" })).toBeEnabled();
  },
};

/** Closed, with a controller that cannot reopen it: nothing can be queued, so the composer is disabled. */
export const ClosedForGood: Story = {
  args: {
    script: { messages: longThread(4), connection: { status: "closed" }, withoutReconnect: true },
  },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("textbox", { name: "Message" })).toBeDisabled();
  },
};
