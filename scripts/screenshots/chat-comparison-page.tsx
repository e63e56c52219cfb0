import { createRoot } from "react-dom/client";
import remarkGfm from "remark-gfm";
import { AgentChat, type ChatMessage, type MessagePart } from "../../src/index";
import { markdown } from "../../src/markdown";
import {
  chatMessage,
  createScriptedChat,
} from "../../src/react/components/test-utils/scripted-chat";
import "../../src/react/styles.css";
import conversation from "../../test/fixtures/comparison-conversation.json";

/** One message of the shared comparison fixture (the fixture is tool-neutral JSON). */
interface FixtureMessage {
  role: "user" | "assistant";
  text?: string;
  /** Streamed into the chat after mount, then finished, instead of being there from the start. */
  streamed?: boolean;
  parts?: Array<
    | { type: "text"; text: string }
    | { type: "tool-call"; toolCallId: string; name: string; args: unknown; result: unknown }
  >;
}

function toPart(part: NonNullable<FixtureMessage["parts"]>[number]): MessagePart {
  if (part.type === "text") return part;
  return {
    type: "tool-call",
    toolCallId: part.toolCallId,
    name: part.name,
    args: JSON.stringify(part.args),
    result: JSON.stringify(part.result),
    status: "complete",
  };
}

function toMessage(message: FixtureMessage): ChatMessage {
  if (!message.parts) return chatMessage({ role: message.role, text: message.text ?? "" });
  const parts = message.parts.map(toPart);
  const text = parts.map((part) => (part.type === "text" ? part.text : "")).join("");
  return chatMessage({ role: message.role, text, parts });
}

declare global {
  interface Window {
    /** Set by the runner before this module loads. */
    comparisonTheme?: "light" | "dark";
    /** Set once the last answer finished streaming. */
    comparisonReady?: boolean;
  }
}

// GFM, as an app that wants tables passes it (docs/chat.md, "Markdown and safety").
const renderer = markdown({ remarkPlugins: [remarkGfm] });
const messages = conversation.messages as FixtureMessage[];
const streamed = messages.filter((message) => message.streamed);
const chat = createScriptedChat({ messages: messages.filter((m) => !m.streamed).map(toMessage) });

document.body.style.margin = "0";
const container = document.createElement("div");
container.style.height = "100dvh";
container.style.display = "flex";
document.body.append(container);
createRoot(container).render(
  <AgentChat chat={chat} markdown={renderer} theme={window.comparisonTheme ?? "light"} />,
);

for (const message of streamed) await chat.streamAnswer(message.text ?? "", { intervalMs: 16 });
window.comparisonReady = true;
