import type { ChatTransport, UIMessage, UIMessageChunk } from "ai";
import type { ConversationConnection } from "../../connection/types";
import type { ConversationPersistence } from "../../store/persistence";
import { adapterConnection, type AdapterConnectionOptions } from "../shared/adapter-connection";
import { answerStream } from "./answer-stream";

/**
 * Where {@link AgentCoreChatTransport} keeps the answer in flight, so `useChat({ resume: true })`
 * picks it up after a reload (docs/adapters.md). Needs the delivery protocol on the connection.
 */
export interface AgentCoreTransportResume {
  /** `indexedDbPersistence()` (or `memoryPersistence()`) from `agentcore-react/persist`. */
  storage: ConversationPersistence;
  /** The storage key of a chat's record. Default: `ai-sdk:<chatId>`. */
  key?: (chatId: string) => string;
}

/**
 * Options of {@link agentCoreTransport}: a connection the app made (to share it, e.g. with
 * `useAgentCoreStatus`, or to close it), or the options to make one (`urlProvider`, `codec`,
 * `sessionId`, `delivery`, ... as for `new AgentRuntimeConnection`). The codec must take a
 * string message (`textCodec` and `agUiCodec` do). `resume` turns on resuming an answer after
 * a reload.
 */
export type AgentCoreTransportOptions = AdapterConnectionOptions & {
  resume?: AgentCoreTransportResume;
};

/** The text of the last user message (its text parts, joined). */
export function lastUserText(messages: readonly UIMessage[]): string {
  let text = "";
  for (const message of messages) {
    if (message.role !== "user") continue;
    text = ""; // a later user message replaces it
    for (const part of message.parts) if (part.type === "text") text += part.text;
  }
  return text;
}

/**
 * A `ChatTransport` for `useChat` over one AgentCore Runtime conversation. One transport is one
 * conversation (one runtime session); make one per chat. See {@link agentCoreTransport}.
 */
export class AgentCoreChatTransport<
  UI_MESSAGE extends UIMessage = UIMessage,
> implements ChatTransport<UI_MESSAGE> {
  /**
   * `true` once `resume` is loaded: a resumed answer is replayed from its start, and `useChat`
   * replaces the message it had. (Set by the resume code, so apps without it carry none.)
   */
  declare resumeStreamIsReplay?: boolean;
  /**
   * The conversation's connection: read its status, or `close()` it when the chat is done.
   * Do not set it. With `resume`, a reloaded page's `reconnectToStream` may replace it once,
   * before anything is sent, by one on the kept runtime session: read it anew, do not keep it.
   */
  connection: ConversationConnection<unknown>;
  #stale: ReadonlySet<string> = new Set();

  constructor(options: AgentCoreTransportOptions) {
    this.connection = adapterConnection(options);
    // The resume code loads only when asked for (apps without it do not pay for it) and then
    // sends and resumes: a call before it loaded waits for it.
    if (options.resume) {
      const resume = import("./resume").then((module) => module.resume(this, options));
      this.sendMessages = (request) => resume.then((it) => it.sendMessages(request));
      this.reconnectToStream = (request) => resume.then((it) => it.reconnectToStream(request));
    }
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
   * With `resume` (and delivery on): the answer still in flight for the chat, replayed from its
   * start, kept before a reload or streaming on this page; else (and always without `resume`)
   * `null`.
   */
  async reconnectToStream(
    _request: Parameters<ChatTransport<UI_MESSAGE>["reconnectToStream"]>[0],
  ): Promise<ReadableStream<UIMessageChunk> | null> {
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
