import type { UIMessageChunk } from "ai";
import { STATUS_PART_TYPE } from "./status-part";

type Chunks = ReadableStreamDefaultController<UIMessageChunk>;

/**
 * One answer's chunks, for as many readers as ask: each reader gets the answer from its start
 * (what arrived so far, then the rest as it comes), so a stream handed out after a reload, or
 * a second time on one page, replays the whole answer. The `start` chunk carries `messageId`,
 * so `useChat` replaces the message it shows for the answer instead of adding one.
 */
export class AnswerHub {
  /** Resolves once the answer is over (ended, failed or stopped) and every reader closed. */
  readonly ended: Promise<void>;
  /** What the answer sent so far; the transient status parts are not kept. */
  readonly #chunks: UIMessageChunk[] = [];
  readonly #readers = new Set<Chunks>();
  readonly #stop = new AbortController();
  #over = false;

  /**
   * @param source The answer's stream (`answerStream`), stopped for real through `signal`.
   */
  constructor(messageId: string, source: (signal: AbortSignal) => ReadableStream<UIMessageChunk>) {
    this.ended = this.#pump(source(this.#stop.signal), messageId);
  }

  /** Whether the answer is over. */
  get over(): boolean {
    return this.#over;
  }

  /**
   * A stream of the answer from its start. Aborting `signal` stops the answer for real (the
   * UI's Stop); cancelling the stream only lets this reader go.
   */
  reader(signal: AbortSignal | undefined): ReadableStream<UIMessageChunk> {
    let mine: Chunks | undefined;
    return new ReadableStream<UIMessageChunk>({
      start: (controller) => {
        for (const chunk of this.#chunks) controller.enqueue(chunk);
        if (this.#over) return controller.close();
        mine = controller;
        this.#readers.add(controller);
        if (signal?.aborted) return this.#stop.abort();
        signal?.addEventListener("abort", () => this.#stop.abort(), { once: true });
      },
      cancel: () => {
        if (mine) this.#readers.delete(mine);
      },
    });
  }

  async #pump(stream: ReadableStream<UIMessageChunk>, messageId: string): Promise<void> {
    const read = stream.getReader();
    for (let next = await read.read(); !next.done; next = await read.read()) {
      const chunk = next.value.type === "start" ? { ...next.value, messageId } : next.value;
      if (chunk.type !== STATUS_PART_TYPE) this.#chunks.push(chunk);
      for (const reader of this.#readers) reader.enqueue(chunk);
    }
    this.#over = true;
    for (const reader of this.#readers) reader.close();
    this.#readers.clear();
  }
}
