import { STATE_TIMEOUT_MS } from "./timeouts";
import type { Meta, StoryObj } from "@storybook/react-vite";
import { useEffect, useState, type CSSProperties } from "react";
import { expect, userEvent, within } from "storybook/test";
import { useAgentRuntimeSocket } from "../src/react/use-agent-runtime-socket";
import {
  AgentChat,
  Composer,
  ConnectionBanner,
  MessageList,
  StopButton,
  type RenderMessage,
} from "../src/index";
import { toolCallConversation } from "../src/react/components/test-utils/fixtures";
import {
  chatMessage,
  createScriptedChat,
  longThread,
} from "../src/react/components/test-utils/scripted-chat";
import { echoScript, startMockAgent, type MockAgent } from "./mock-agents";
import { ScriptedAgentChat, echoAgent } from "./scripted-chat-story";

const meta = {
  title: "AgentChat/Customization",
  component: ScriptedAgentChat,
  render: (args) => <ScriptedAgentChat {...args} />,
} satisfies Meta<typeof ScriptedAgentChat>;

export default meta;
type Story = StoryObj<typeof meta>;

const ocean = {
  "--acr-font": "Georgia, 'Times New Roman', serif",
  "--acr-radius": "1.25rem",
  "--acr-radius-small": "1.25rem",
  "--acr-color-bg": "#f0fdfa",
  "--acr-color-surface": "#ccfbf1",
  "--acr-color-accent": "#0f766e",
  "--acr-color-focus": "#0f766e",
  "--acr-color-user-bg": "#0f766e",
  "--acr-color-assistant-bg": "#ffffff",
  "--acr-assistant-bubble-padding": "0.5rem 1rem",
  "--acr-color-border": "#99f6e4",
  "--acr-color-border-strong": "#0f766e",
  "--acr-color-link": "#0f5f58",
} as CSSProperties;

/** A theme made only of CSS custom properties, passed through `style` (a class works as well). */
export const CustomTheme: Story = {
  args: {
    style: ocean,
    suggestions: ["Tide times in Lisbon?", "Best beaches nearby"],
    script: {
      messages: [
        chatMessage({ role: "user", text: "Is the sea warm today?" }),
        chatMessage({
          role: "assistant",
          text: "19 °C at Cascais: refreshing but fine for a swim.",
        }),
      ],
    },
  },
};

const cardRenderer: RenderMessage = (message, { renderDefault }) =>
  message.role === "assistant" ? (
    <div style={{ display: "flex", gap: "0.5rem", alignItems: "flex-start" }}>
      <span
        aria-hidden="true"
        style={{
          flex: "none",
          width: 32,
          height: 32,
          borderRadius: "50%",
          display: "grid",
          placeItems: "center",
          background: "#1f5fcc",
          color: "#fff",
          fontWeight: 700,
        }}
      >
        A
      </span>
      <div style={{ flex: 1, minWidth: 0 }}>{renderDefault()}</div>
    </div>
  ) : (
    renderDefault()
  );

/**
 * `renderMessage` wraps the built-in message, here with an avatar of its own (or replaces it
 * entirely); `roles={false}` turns the built-in avatars and names off.
 */
export const CustomMessageRenderer: Story = {
  args: {
    roles: false,
    renderMessage: cardRenderer,
    script: { messages: toolCallConversation() },
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelectorAll("[aria-hidden='true']").length).toBeGreaterThan(0);
  },
};

/** A small picture as the user's avatar (decorative: the name says who wrote the message). */
const userPicture = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="#f2c48d"/><circle cx="16" cy="13" r="6" fill="#7a4b21"/><path d="M5 32c1-7 5-10 11-10s10 3 11 10z" fill="#7a4b21"/></svg>',
)}`;

/**
 * `roles`: the agent signs as "Aria" with initials for an avatar, the user with a picture and
 * the default name.
 */
export const CustomRoles: Story = {
  args: {
    roles: {
      assistant: { label: "Aria", avatar: "AR" },
      user: { label: true, avatar: <img src={userPicture} alt="" /> },
    },
    script: {
      messages: [
        chatMessage({ role: "user", text: "Can you move my 3 pm meeting to tomorrow?" }),
        chatMessage({
          role: "assistant",
          text: "Done: “Design review” is now tomorrow at 3 pm. I let the four attendees know.",
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const [question, answer] = canvasElement.querySelectorAll("article");
    await expect(question!.querySelector(".acr-message__author")).toHaveTextContent("You:");
    await expect(answer!.querySelector(".acr-message__author")).toHaveTextContent("Aria:");
    await expect(answer!.querySelector(".acr-message__avatar")).toHaveTextContent("AR");
  },
};

/** A layout of your own from the parts: a title bar, the list, the banner under it, and a composer. */
function PartsLayout() {
  const [chat] = useState(() =>
    createScriptedChat({
      messages: longThread(8),
      onSend: echoAgent,
      connection: { status: "connecting" },
    }),
  );
  return (
    <AgentChat chat={chat}>
      <header
        style={{
          padding: "0.75rem 1rem",
          fontWeight: 700,
          borderBottom: "1px solid var(--acr-color-border)",
        }}
      >
        Support agent
      </header>
      <MessageList emptyState={null} />
      <ConnectionBanner />
      <Composer actions={<StopButton />} placeholder="Ask support…" />
    </AgentChat>
  );
}

export const CustomLayoutFromParts: Story = {
  render: () => <PartsLayout />,
};

/** A conversation UI built without `<AgentChat>`: only what `useAgentRuntimeSocket` returns. */
function HookUi({ agent }: { agent: MockAgent }) {
  const { messages, send, stop, isStreaming, status } = useAgentRuntimeSocket({
    urlProvider: agent.urlProvider,
    WebSocket: agent.WebSocket,
  });
  const [draft, setDraft] = useState("");
  return (
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: "100%",
        fontFamily: "system-ui",
        padding: 16,
        gap: 8,
      }}
    >
      <p style={{ margin: 0 }}>Status: {status}</p>
      <ol
        aria-label="Messages"
        style={{ flex: 1, overflow: "auto", margin: 0, paddingInlineStart: 20 }}
      >
        {messages.map((m) => (
          <li key={m.id}>
            <strong>{m.role === "user" ? "Me" : "Bot"}:</strong> {m.text}
            {m.status === "streaming" ? " …" : ""}
          </li>
        ))}
      </ol>
      <form
        style={{ display: "flex", gap: 8 }}
        onSubmit={(event) => {
          event.preventDefault();
          if (draft.trim()) send(draft.trim());
          setDraft("");
        }}
      >
        <input
          aria-label="Say something"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          style={{ flex: 1 }}
        />
        <button type="submit">Send</button>
        {isStreaming && (
          <button type="button" onClick={stop}>
            Stop
          </button>
        )}
      </form>
    </div>
  );
}

function FullyCustom() {
  const [agent, setAgent] = useState<MockAgent | null>(null);
  useEffect(() => {
    const started = startMockAgent(echoScript);
    setAgent(started);
    return () => started.stop();
  }, []);
  return agent ? <HookUi agent={agent} /> : null;
}

/** A fully custom UI on `useAgentRuntimeSocket`, talking to an in-memory agent through the real connection. */
export const FullyCustomUi: Story = {
  render: () => <FullyCustom />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Status: open")).toBeVisible();
    await userEvent.type(canvas.getByRole("textbox", { name: "Say something" }), "Hello{Enter}");
    await expect(
      await canvas.findByText(/You said: “Hello”/, {}, { timeout: STATE_TIMEOUT_MS }),
    ).toBeVisible();
  },
};
