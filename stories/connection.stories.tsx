import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { failedConversation } from "../src/react/components/test-utils/fixtures";
import {
  chatMessage,
  longThread,
  type ScriptedChat,
} from "../src/react/components/test-utils/scripted-chat";
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

/** Keeps the connection reconnecting with a countdown until "Retry now" reconnects it. */
function reconnectLoop(closeCode: number) {
  return (chat: ScriptedChat) => {
    let attempt = 1;
    const schedule = () =>
      chat.setConnection({
        status: "reconnecting",
        attempt: attempt++,
        nextRetryAt: Date.now() + 5_000,
        lastCloseCode: closeCode,
      });
    schedule();
    const timer = setInterval(schedule, 5_000);
    return () => clearInterval(timer);
  };
}

function reconnectNow(chat: ScriptedChat): void {
  chat.setConnection({ status: "connecting", nextRetryAt: null });
  setTimeout(() => chat.setConnection({ status: "open", attempt: 0, lastCloseCode: null }), 600);
}

/** The connection dropped (1006): reconnecting in N s, with "Retry now". Messages typed meanwhile queue. */
export const Reconnecting: Story = {
  args: {
    script: { messages: longThread(6), onReconnect: reconnectNow },
    run: reconnectLoop(1006),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(banner(canvasElement)).toHaveTextContent(/Reconnecting in \d s/));
    await userEvent.type(canvas.getByRole("textbox", { name: "Message" }), "Are you there?{Enter}");
    await expect(await canvas.findByText("Waiting to send…")).toBeVisible();
  },
};

/** The browser is offline: the banner says so; messages queue until it is back. */
export const Offline: Story = {
  args: {
    script: {
      messages: longThread(6),
      connection: { status: "reconnecting", online: false, attempt: 1 },
    },
  },
  play: async ({ canvasElement }) => {
    await expect(banner(canvasElement)).toHaveTextContent(/You are offline/);
    await expect(within(canvasElement).getByRole("textbox", { name: "Message" })).toBeEnabled();
  },
};

/** The service closed with 1008 (expired credentials): the connection presigns a fresh URL and reconnects. */
export const ExpiredCredentials1008: Story = {
  args: {
    script: { messages: longThread(4), onReconnect: reconnectNow },
    run: reconnectLoop(1008),
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(banner(canvasElement)).toHaveTextContent(/Credentials expired/));
    await expect(within(canvasElement).getByRole("button", { name: "Retry now" })).toBeVisible();
  },
};

/** The service closed with 1009 (message too big): that message fails with the reason; Retry is offered. */
export const TooLarge1009: Story = {
  args: { script: { messages: failedConversation() } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText(/close code 1009/)).toBeVisible();
    await expect(within(canvasElement).getByRole("button", { name: "Retry" })).toBeVisible();
  },
};

/** The connection gave up: the reason and "Reconnect". Sending reopens it too. */
export const Failed: Story = {
  args: {
    script: {
      messages: [chatMessage({ role: "user", text: "Hello?" })],
      connection: { status: "failed", reason: "The presign endpoint answered 403 Forbidden." },
      onReconnect: reconnectNow,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(banner(canvasElement)).toHaveTextContent(
      /Connection failed: The presign endpoint answered 403/,
    );
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
