import { chatMessage } from "./scripted-chat";
import type { ChatMessage } from "../../../store/types";

/** A markdown answer with a list, a table, a link and a code block. */
export const markdownAnswer = [
  "Here is how to **sign** a URL in the browser:",
  "",
  "1. Get temporary credentials from a Cognito identity pool.",
  "2. Presign the WebSocket URL (valid for at most `300` seconds).",
  "3. Connect before it expires.",
  "",
  "```ts",
  'const chat = useAgentRuntimeSocket({ urlProvider: backendUrlProvider({ endpoint: "/api/agentcore-url" }) });',
  'chat.send("Hello!");',
  "```",
  "",
  "Close codes to know:",
  "",
  "- `1008`: credentials expired, the connection presigns a fresh URL",
  "- `1009`: the message was *too large*",
  "",
  "> Keep `expires` short.",
  "",
  "More in [the docs](https://docs.aws.amazon.com/bedrock-agentcore/).",
].join("\n");

/** A short conversation whose answer called two tools. */
export function toolCallConversation(): ChatMessage[] {
  return [
    chatMessage({
      role: "user",
      text: "What's the weather in Paris, and should I take an umbrella?",
    }),
    chatMessage({
      role: "assistant",
      text: "It is 14 °C and raining in Paris: take an umbrella.",
      parts: [
        {
          type: "tool-call",
          toolCallId: "t1",
          name: "get_weather",
          args: '{"city":"Paris","units":"metric"}',
          result: '{"temp":14,"conditions":"rain"}',
          status: "complete",
        },
        {
          type: "tool-call",
          toolCallId: "t2",
          name: "get_forecast",
          args: '{"city":"Paris","hours":6}',
          status: "running",
        },
        { type: "text", text: "It is 14 °C and raining in Paris: take an umbrella." },
      ],
    }),
  ];
}

/** A conversation whose last user message failed to send. */
export function failedConversation(): ChatMessage[] {
  return [
    chatMessage({ role: "user", text: "Summarise this document for me." }),
    chatMessage({ role: "assistant", text: "Sure, please paste it." }),
    chatMessage({
      role: "user",
      text: "(a very long document…)",
      status: "error",
      error: "The message is larger than the 32 KB frame limit (close code 1009).",
    }),
  ];
}
