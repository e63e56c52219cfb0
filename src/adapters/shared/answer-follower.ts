import type { AgentEvent } from "../../codecs/types";
import type { ConnectionSnapshot, ConversationConnection } from "../../connection/types";
import { INTERRUPTED_ANSWER } from "../../store/conversation-binding";
import { UNSENT_MESSAGE } from "../../store/message-status";
import { eventIds } from "./event-ids";

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

/**
 * Turns one answer's events into what a UI reads (the AI SDK's chunks, assistant-ui's parts),
 * and knows when the answer is over.
 */
export interface AnswerMapper<Out> {
  /** True once the answer is over (its end was mapped, or it failed). */
  readonly finished: boolean;
  /** The run, message and tool call ids the answer used (to ignore its leftovers later). */
  readonly ids: ReadonlySet<string>;
  /** What an event of the answer adds or changes. */
  map(event: AgentEvent): Out[];
  /** Ends the answer with an error: what says so, if anything. */
  fail(errorText: string): Out[];
}

/** Where a followed answer goes. */
export interface AnswerSink<Out> {
  /** What the mapper made of the answer's events, as they come; the last ones may end it. */
  push(items: readonly Out[]): void;
  /** The answer is over: ended, failed or stopped (a stop pushes no end chunk). */
  close(): void;
  /** The connection's snapshot changed (called before the answer reads it). */
  snapshot?(snapshot: ConnectionSnapshot<unknown>): void;
}

/**
 * Follows the answer to one sent message on the connection: the agent's events once the message
 * is on the wire, through `mapper`, to the agent's end (or a fatal agent error), to an `error` when the stream breaks mid-answer (what arrived stays, once; the
 * connection reconnects by its own rules and the next message goes on the same session), or to a
 * clean close when the UI stops it (the connection's `stop()` ends the answer for real).
 */
export class AnswerFollower<Out> {
  readonly #options: AnswerOptions;
  readonly #mapper: AnswerMapper<Out>;
  readonly #sink: AnswerSink<Out>;
  #unlink: Array<() => void> = [];
  #closed = false;
  #sent = false;
  /** The connection's snapshot as last read: none before `start()`, whose first read sees all. */
  #snapshot: ConnectionSnapshot<unknown> | undefined;

  constructor(options: AnswerOptions, mapper: AnswerMapper<Out>, sink: AnswerSink<Out>) {
    this.#options = options;
    this.#mapper = mapper;
    this.#sink = sink;
  }

  start(): void {
    const { connection, abortSignal } = this.#options;
    this.#unlink = [
      connection.onEvent((event) => this.#onEvent(event)),
      connection.subscribe(() => this.#onSnapshot()),
    ];
    if (abortSignal?.aborted) return this.#onAbort();
    abortSignal?.addEventListener("abort", () => this.#onAbort()); // an abort happens once
    // The message may have been sent (or refused) before this follower listened.
    this.#onSnapshot();
  }

  /** Stops listening: the answer is over, or its reader went away. */
  release(): void {
    this.#closed = true;
    for (const off of this.#unlink) off(); // a second off() is harmless
  }

  #finish(items: readonly Out[]): void {
    if (this.#closed) return;
    this.release();
    if (items.length > 0) this.#sink.push(items);
    this.#sink.close();
  }

  #fail(errorText: string): void {
    this.#finish(this.#mapper.fail(errorText));
  }

  #onEvent(event: AgentEvent): void {
    // Leftovers of an answer stopped before are not this answer's.
    const { stale } = this.#options;
    if (this.#closed || !this.#sent || eventIds(event).some((id) => stale.has(id))) return;
    if (event.type === "resume-unavailable") return this.#fail(event.message);
    const items = this.#mapper.map(event);
    if (this.#mapper.finished) return this.#finish(items);
    if (items.length > 0) this.#sink.push(items);
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
    // Closed and failed ended it above; a connection that resumes brings the rest unless idle.
    const resumes = this.#options.connection.resumes && snapshot.status !== "idle";
    if (this.#sent && previous?.status === "open" && snapshot.status !== "open" && !resumes) {
      this.#fail(INTERRUPTED_ANSWER);
    }
  }

  /** Closes first: a stop without a cancel frame reopens the stream, which is no interruption. */
  #onAbort(): void {
    const inProgress = this.#sent && !this.#mapper.finished;
    this.#options.onStopped(this.#mapper.ids);
    this.#finish([]);
    if (inProgress) this.#options.connection.stop();
  }
}
