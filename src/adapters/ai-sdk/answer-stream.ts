import type { UIMessageChunk } from "ai";
import type { AgentEvent } from "../../codecs/types";
import type { ConnectionSnapshot, ConversationConnection } from "../../connection/types";
import { INTERRUPTED_ANSWER } from "../../store/conversation-binding";
import { UNSENT_MESSAGE } from "../../store/message-status";
import { ChunkMapper, eventIds } from "./chunk-mapper";
import {
  STATUS_PART_TYPE,
  statusChanged,
  statusData,
  type AgentCoreStatusData,
} from "./status-part";

/** Shown when the app closed the connection while an answer was awaited. */
export const CONNECTION_CLOSED = "The connection was closed.";
/** Shown when the connection gave up reconnecting while an answer was awaited. */
export const CONNECTION_FAILED = "The connection to the agent failed.";

/** What one answer's stream needs to know. */
export interface AnswerOptions {
  connection: ConversationConnection<unknown>;
  /** The outbox id of the user message it answers. */
  messageId: string;
  /** `useChat`'s signal: its `stop()` aborts it. */
  abortSignal: AbortSignal | undefined;
  /** Run, message and tool call ids of an answer stopped before: their events are leftovers. */
  stale: ReadonlySet<string>;
  /** Called when the answer was stopped, with the ids it used. */
  onStopped(ids: ReadonlySet<string>): void;
}

function isStale(event: AgentEvent, stale: ReadonlySet<string>): boolean {
  return eventIds(event).some((id) => stale.has(id));
}

/**
 * The answer to one sent message as a stream of UI message chunks: the agent's events once the
 * message is on the wire, a transient status part whenever the connection's status changes,
 * and an end. The end is the agent's (`finish`, or `error` for a fatal agent error), an
 * `error` chunk when the stream breaks mid-answer (what arrived stays, once; the connection
 * reconnects by its own rules and the next message goes on the same session), or a clean close
 * when `useChat` stops it (the connection's `stop()` ends the answer for real).
 */
export function answerStream(options: AnswerOptions): ReadableStream<UIMessageChunk> {
  let source: AnswerSource | undefined;
  return new ReadableStream<UIMessageChunk>({
    start: (controller) => {
      source = new AnswerSource(options, controller);
      source.start();
    },
    cancel: () => source?.release(),
  });
}

class AnswerSource {
  readonly #options: AnswerOptions;
  readonly #mapper: ChunkMapper;
  readonly #controller: ReadableStreamDefaultController<UIMessageChunk>;
  #unlink: Array<() => void> = [];
  #closed = false;
  #sent = false;
  #stopped = false;
  #snapshot: ConnectionSnapshot<unknown>;
  #status: AgentCoreStatusData;

  constructor(options: AnswerOptions, controller: ReadableStreamDefaultController<UIMessageChunk>) {
    this.#options = options;
    this.#controller = controller;
    this.#mapper = new ChunkMapper(`${options.messageId}-part`);
    this.#snapshot = options.connection.getSnapshot();
    this.#status = statusData(this.#snapshot);
  }

  start(): void {
    const { connection, abortSignal } = this.#options;
    const controller = this.#controller;
    controller.enqueue({ type: "start" });
    controller.enqueue({ type: STATUS_PART_TYPE, data: this.#status, transient: true });
    this.#unlink = [
      connection.onEvent((event) => this.#onEvent(event)),
      connection.subscribe(() => this.#onSnapshot()),
    ];
    if (abortSignal?.aborted) return this.#onAbort();
    abortSignal?.addEventListener("abort", () => this.#onAbort(), { once: true });
    // The message may have been sent (or refused) before this stream listened.
    this.#snapshot = { ...this.#snapshot, outbox: [] };
    this.#onSnapshot();
  }

  /** Stops listening; the stream is closed or cancelled. */
  release(): void {
    this.#closed = true;
    for (const off of this.#unlink) off();
    this.#unlink = [];
  }

  #finish(chunks: UIMessageChunk[]): void {
    if (this.#closed) return;
    this.release();
    for (const chunk of chunks) this.#controller.enqueue(chunk);
    this.#controller.close();
  }

  #fail(errorText: string): void {
    this.#finish(this.#mapper.end({ type: "error", errorText }));
  }

  #onEvent(event: AgentEvent): void {
    if (this.#closed || !this.#sent || isStale(event, this.#options.stale)) return;
    for (const chunk of this.#mapper.map(event)) this.#controller.enqueue(chunk);
    if (this.#mapper.finished) this.#finish([]);
  }

  #onSnapshot(): void {
    const previous = this.#snapshot;
    const snapshot = this.#options.connection.getSnapshot();
    this.#snapshot = snapshot;
    if (this.#closed || snapshot === previous) return;
    const status = statusData(snapshot);
    if (statusChanged(this.#status, status)) {
      this.#status = status;
      this.#controller.enqueue({ type: STATUS_PART_TYPE, data: status, transient: true });
    }
    const entry = snapshot.outbox.find((each) => each.id === this.#options.messageId);
    if (entry?.status === "sent") this.#sent = true;
    if (entry?.status === "failed") return this.#fail(entry.error?.message ?? UNSENT_MESSAGE);
    if (snapshot.status === "closed") return this.#fail(CONNECTION_CLOSED);
    if (snapshot.status === "failed") {
      return this.#fail(snapshot.error?.message ?? CONNECTION_FAILED);
    }
    if (this.#sent && previous.status === "open" && snapshot.status !== "open") {
      this.#fail(INTERRUPTED_ANSWER);
    }
  }

  /** Closes first: a stop without a cancel frame reopens the stream, which is no interruption. */
  #onAbort(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    const inProgress = this.#sent && !this.#mapper.finished;
    this.#options.onStopped(this.#mapper.ids);
    this.#finish([]);
    if (inProgress) this.#options.connection.stop();
  }
}
