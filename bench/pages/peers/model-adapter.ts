/**
 * assistant-ui's `ChatModelAdapter` over the agent's socket, streaming as the LocalRuntime docs
 * show: `async *run` accumulates the text and yields the message content so far per chunk.
 */
import type { ChatModelAdapter } from "@assistant-ui/react";
import { lastUserText, type AgentSocket } from "./agent-socket";

export function socketModelAdapter(agent: AgentSocket): ChatModelAdapter {
  return {
    async *run({ messages, abortSignal }) {
      let text = "";
      for await (const chunk of agent.answer(lastUserText(messages), abortSignal)) {
        text += chunk;
        yield { content: [{ type: "text", text }] };
      }
    },
  };
}
