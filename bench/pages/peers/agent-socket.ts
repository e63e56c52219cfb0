/**
 * The socket an app writes to feed a headless chat library from an AgentCore-style agent: one
 * WebSocket, opened up front; a user message goes out as `{"inputText": text}`, the answer comes
 * back as `{"text": chunk}` frames and ends with `{"type":"done"}`. The useChat transport and
 * the assistant-ui model adapter of the benches are built on it.
 */

/** One answer's listeners. */
export interface AnswerListener {
  onText(chunk: string): void;
  onDone(): void;
}

export class AgentSocket {
  readonly socket: WebSocket;
  #answer: AnswerListener | null = null;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.addEventListener("message", (event: MessageEvent<string>) => {
      const frame = JSON.parse(event.data) as { text?: unknown; type?: unknown };
      if (typeof frame.text === "string") this.#answer?.onText(frame.text);
      else if (frame.type === "done") {
        const answer = this.#answer;
        this.#answer = null;
        answer?.onDone();
      }
    });
  }

  /** Sends a user message; `listener` gets the answer's chunks, then its end. */
  ask(text: string, listener: AnswerListener): void {
    this.#answer = listener;
    this.socket.send(JSON.stringify({ inputText: text }));
  }

  /** The answer to `text` as an async iterable of chunks (for async-generator adapters). */
  async *answer(text: string, signal?: AbortSignal): AsyncGenerator<string, void> {
    const queue: string[] = [];
    let done = false;
    let wake: (() => void) | null = null;
    const notify = () => {
      wake?.();
      wake = null;
    };
    this.ask(text, {
      onText(chunk) {
        queue.push(chunk);
        notify();
      },
      onDone() {
        done = true;
        notify();
      },
    });
    let read = 0;
    while (!signal?.aborted) {
      if (read < queue.length) {
        yield queue[read++]!;
        continue;
      }
      if (done) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  }

  close(): void {
    this.socket.close();
  }
}

/** The text of the last user message among AI SDK or assistant-ui style messages. */
export function lastUserText(
  messages: readonly { role: string; parts?: readonly unknown[]; content?: readonly unknown[] }[],
): string {
  const user = [...messages].reverse().find((message) => message.role === "user");
  const parts = (user?.parts ?? user?.content ?? []) as readonly { type?: string; text?: string }[];
  return parts
    .filter((part) => part.type === "text")
    .map((part) => part.text ?? "")
    .join("");
}
