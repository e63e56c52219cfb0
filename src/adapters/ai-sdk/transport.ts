import type { ChatTransport, UIMessage, UIMessageChunk } from "ai";
import type { ConversationConnection } from "../../connection/types";
import { adapterConnection, type AdapterConnectionOptions } from "../shared/adapter-connection";
import { answerStream } from "./answer-stream";

/**
 * Options of {@link agentCoreTransport}: a connection the app made (to share it, e.g. with
 * `useAgentCoreStatus`, or to close it), or the options to make one (`urlProvider`, `codec`,
 * `sessionId`, ... as for `new AgentRuntimeConnection`). The codec must take a string message
 * (`textCodec` and `agUiCodec` do).
 */
export type AgentCoreTransportOptions = AdapterConnectionOptions;

/** The text of the last user message (its text parts, joined). */
export function lastUserText(messages: readonly UIMessage[]): string {
  const user = [...messages].reverse().find((message) => message.role === "user");
  let text = "";
  for (const part of user?.parts ?? []) if (part.type === "text") text += part.text;
  return text;
}

/**
 * A `ChatTransport` for `useChat` over one AgentCore Runtime conversation. One transport is one
 * conversation (one runtime session); make one per chat. See {@link agentCoreTransport}.
 */
export class AgentCoreChatTransport<
  UI_MESSAGE extends UIMessage = UIMessage,
> implements ChatTransport<UI_MESSAGE> {
  /** The conversation's connection: read its status, or `close()` it when the chat is done. */
  readonly connection: ConversationConnection<unknown>;
  #stale: ReadonlySet<string> = new Set();

  constructor(options: AgentCoreTransportOptions) {
    this.connection = adapterConnection(options);
  }

  /**
   * Sends the last user message's text (for `regenerate-message` too: the agent answers it
   * again) and streams the answer. Connects first when the connection is not connected.
   *
   * @throws what `connection.send()` throws (a frame too large, a full outbox).
   */
  async sendMessages({
    messages,
    abortSignal,
  }: Parameters<ChatTransport<UI_MESSAGE>["sendMessages"]>[0]): Promise<
    ReadableStream<UIMessageChunk>
  > {
    const { connection } = this;
    connection.connect();
    const messageId = connection.send(lastUserText(messages));
    return answerStream({
      connection,
      messageId,
      abortSignal,
      stale: this.#stale,
      onStopped: (ids) => {
        this.#stale = ids;
      },
    });
  }

  /**
   * Always `null`: the runtime keeps no answer to resume, so a reloaded page cannot pick up an
   * answer in progress.
   */
  async reconnectToStream(): Promise<ReadableStream<UIMessageChunk> | null> {
    return null;
  }
}

/**
 * The AI SDK transport over AgentCore Runtime: `useChat({ transport: agentCoreTransport({
 * urlProvider }) })`. Make it once per chat (module scope, `useState` or `useMemo`), not on every
 * render.
 */
export function agentCoreTransport<UI_MESSAGE extends UIMessage = UIMessage>(
  options: AgentCoreTransportOptions,
): AgentCoreChatTransport<UI_MESSAGE> {
  return new AgentCoreChatTransport<UI_MESSAGE>(options);
}
