import type {
  ChatModelAdapter,
  ChatModelRunOptions,
  ChatModelRunResult,
  ThreadMessage,
} from "@assistant-ui/react";
import type { ConversationConnection } from "../../connection/types";
import { adapterConnection, type AdapterConnectionOptions } from "../shared/adapter-connection";
import { AnswerFollower } from "../shared/answer-follower";
import { AnswerParts } from "./answer-parts";

/**
 * Options of {@link agentCoreModelAdapter}: a connection the app made (to share it or to
 * `close()` it), or the options to make one (`urlProvider`, `codec`, `sessionId`, ... as for
 * `new AgentRuntimeConnection`). The codec must take a string message (`textCodec` and
 * `agUiCodec` do).
 */
export type AgentCoreModelAdapterOptions = AdapterConnectionOptions;

/** The text of the last user message (its text parts, joined). */
export function lastUserMessageText(messages: readonly ThreadMessage[]): string {
  const user = [...messages].reverse().find((message) => message.role === "user");
  let text = "";
  for (const part of user?.content ?? []) if (part.type === "text") text += part.text;
  return text;
}

/**
 * assistant-ui's `ChatModelAdapter` over one AgentCore Runtime conversation, for
 * `useLocalRuntime`: the connection alone, with no conversation store. See
 * {@link agentCoreModelAdapter}.
 */
export class AgentCoreModelAdapter implements ChatModelAdapter {
  /** The conversation's connection: read its status, or `close()` it when the chat is done. */
  readonly connection: ConversationConnection<unknown>;
  #stale: ReadonlySet<string> = new Set();

  constructor(options: AgentCoreModelAdapterOptions) {
    this.connection = adapterConnection(options);
  }

  /**
   * Sends the last user message's text (connecting first) and yields the answer's content as it
   * streams, at most once per microtask. It returns at the agent's end; when `abortSignal`
   * aborts, it stops the answer (the codec's cancel frame) and returns. It throws with what
   * arrived kept when the answer fails: a fatal agent error, or the stream broken mid-answer.
   *
   * @throws what `connection.send()` throws (a frame too large, a full outbox).
   */
  async *run({
    messages,
    abortSignal,
  }: ChatModelRunOptions): AsyncGenerator<ChatModelRunResult, void> {
    const { connection } = this;
    connection.connect();
    const messageId = connection.send(lastUserMessageText(messages));
    const parts = new AnswerParts();
    let ended = false;
    let wake = () => {};
    const follower = new AnswerFollower(
      {
        connection,
        messageId,
        abortSignal,
        stale: this.#stale,
        onStopped: (ids) => (this.#stale = ids),
      },
      parts,
      {
        push: () => wake(),
        close: () => {
          ended = true;
          wake();
        },
      },
    );
    follower.start();
    try {
      for (let shown = 0; ;) {
        if (parts.version === shown && !ended) {
          await new Promise<void>((resolve) => (wake = resolve));
        }
        if (parts.version !== shown) {
          shown = parts.version;
          yield { content: parts.content };
        }
        if (ended && parts.version === shown) break;
      }
    } finally {
      follower.release();
    }
    if (parts.error !== undefined) throw new Error(parts.error);
  }
}

/**
 * assistant-ui's model adapter over AgentCore Runtime:
 * `useLocalRuntime(agentCoreModelAdapter({ urlProvider }))`. The lightest path: assistant-ui
 * keeps the thread; make the adapter once (module scope or `useState`), not on every render.
 */
export function agentCoreModelAdapter(
  options: AgentCoreModelAdapterOptions,
): AgentCoreModelAdapter {
  return new AgentCoreModelAdapter(options);
}
