import type { UIMessageChunk } from "ai";
import type { AgentEvent } from "../../codecs/types";
import type { ConnectionSnapshot, ConversationConnection } from "../../connection/types";
import { INTERRUPTED_ANSWER } from "../../store/conversation-binding";
import { UNSENT_MESSAGE } from "../../store/message-status";
import { ChunkMapper, eventIds } from "./chunk-mapper";

/** Shown when the app closed the connection while an answer was awaited. */
export const CONNECTION_CLOSED = "The connection was closed.";
/** Shown when the connection gave up reconnecting while an answer was awaited. */
export const CONNECTION_FAILED = "The connection to the agent failed.";

/** What following one answer needs to know. */
export interface AnswerOptions {
  connection: ConversationConnection<unknown>;
  /** The outbox id of the user message it answers. */
  messageId: string;
  /** The UI's stop signal: aborting it stops the answer. */
  abortSignal: AbortSignal | undefined;
  /** Run, message and tool call ids of an answer stopped before: their events are leftovers. */
  stale: ReadonlySet<string>;
  /** Called when the answer was stopped, with the ids it used. */
  onStopped(ids: ReadonlySet<string>): void;
}

/** Where a followed answer goes. */
export interface AnswerSink {
  /** The answer's chunks as they come; the last ones end it (`finish`, or `error`). */
  push(chunks: readonly UIMessageChunk[]): void;
  /** The answer is over: ended, failed or stopped (a stop pushes no end chunk). */
  close(): void;
  /** The connection's snapshot changed (called before the answer reads it). */
  snapshot?(snapshot: ConnectionSnapshot<unknown>): void;
}

function isStale(event: AgentEvent, stale: ReadonlySet<string>): boolean {
  return eventIds(event).some((id) => stale.has(id));
}

/**
 * Follows the answer to one sent message on the connection: the agent's events once the message
 * is on the wire, as UI message chunks, to the agent's end (`finish`, or `error` for a fatal
 * agent error), to an `error` when the stream breaks mid-answer (what arrived stays, once; the
 * connection reconnects by its own rules and the next message goes on the same session), or to a
 * clean close when the UI stops it (the connection's `stop()` ends the answer for real).
 */
export class AnswerFollower {
  readonly #options: AnswerOptions;
  readonly #sink: AnswerSink;
  readonly #mapper: ChunkMapper;
  #unlink: Array<() => void> = [];
  #closed = false;
  #sent = false;
  #stopped = false;
  #snapshot: ConnectionSnapshot<unknown>;

  constructor(options: AnswerOptions, sink: AnswerSink) {
    this.#options = options;
    this.#sink = sink;
    this.#mapper = new ChunkMapper(`${options.messageId}-part`);
    this.#snapshot = options.connection.getSnapshot();
  }

  /** The connection's snapshot as last read. */
  get snapshot(): ConnectionSnapshot<unknown> {
    return this.#snapshot;
  }

  start(): void {
    const { connection, abortSignal } = this.#options;
    this.#unlink = [
      connection.onEvent((event) => this.#onEvent(event)),
      connection.subscribe(() => this.#onSnapshot()),
    ];
    if (abortSignal?.aborted) return this.#onAbort();
    abortSignal?.addEventListener("abort", () => this.#onAbort(), { once: true });
    // The message may have been sent (or refused) before this follower listened.
    this.#snapshot = { ...this.#snapshot, outbox: [] };
    this.#onSnapshot();
  }

  /** Stops listening: the answer is over, or its reader went away. */
  release(): void {
    this.#closed = true;
    for (const off of this.#unlink) off();
    this.#unlink = [];
  }

  #finish(chunks: readonly UIMessageChunk[]): void {
    if (this.#closed) return;
    this.release();
    if (chunks.length > 0) this.#sink.push(chunks);
    this.#sink.close();
  }

  #fail(errorText: string): void {
    this.#finish(this.#mapper.end({ type: "error", errorText }));
  }

  #onEvent(event: AgentEvent): void {
    if (this.#closed || !this.#sent || isStale(event, this.#options.stale)) return;
    const chunks = this.#mapper.map(event);
    if (this.#mapper.finished) return this.#finish(chunks);
    if (chunks.length > 0) this.#sink.push(chunks);
  }

  #onSnapshot(): void {
    const previous = this.#snapshot;
    const snapshot = this.#options.connection.getSnapshot();
    this.#snapshot = snapshot;
    if (this.#closed || snapshot === previous) return;
    this.#sink.snapshot?.(snapshot);
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
