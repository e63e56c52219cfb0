/**
 * A `ChatTransport` for the AI SDK's `useChat` over the agent's WebSocket, as the AI SDK's
 * transport docs describe a custom transport: `sendMessages` sends the last user message and
 * returns the answer as a `ReadableStream` of UI message chunks (`text-start`, one
 * `text-delta` per frame, `text-end`, `finish`).
 */
import type { ChatTransport, UIMessage, UIMessageChunk } from "ai";
import { lastUserText, type AgentSocket } from "./agent-socket";

export class SocketChatTransport implements ChatTransport<UIMessage> {
  readonly #agent: AgentSocket;
  #answers = 0;

  constructor(agent: AgentSocket) {
    this.#agent = agent;
  }

  sendMessages: ChatTransport<UIMessage>["sendMessages"] = async ({ messages, abortSignal }) => {
    const id = `text-${++this.#answers}`;
    const agent = this.#agent;
    return new ReadableStream<UIMessageChunk>({
      start(controller) {
        controller.enqueue({ type: "start" });
        controller.enqueue({ type: "text-start", id });
        abortSignal?.addEventListener("abort", () => controller.close(), { once: true });
        agent.ask(lastUserText(messages), {
          onText: (delta) => controller.enqueue({ type: "text-delta", id, delta }),
          onDone() {
            controller.enqueue({ type: "text-end", id });
            controller.enqueue({ type: "finish" });
            controller.close();
          },
        });
      },
    });
  };

  reconnectToStream: ChatTransport<UIMessage>["reconnectToStream"] = async () => null;
}
