import type { AgentEvent, AgentInterrupt, AgentReply } from "../codecs/types";
import { answerCarriesOn } from "../connection/resumes";
import type { ConnectionSnapshot, ConversationConnection } from "../connection/types";
import { toError } from "../core/errors";
import { invalidOption } from "../core/option-checks";
import { ConversationModel } from "./conversation-model";
import { isUrgent } from "./message-status";
import { AgentRuntimeAgentError } from "./errors";
import type { BindingOptions } from "./binding-options";
import type { ConversationState } from "./types";

/** Shown on an answer that was streaming when the socket closed. */
export const INTERRUPTED_ANSWER = "The connection closed before the answer finished.";

/** The `pendingInterrupts` of a conversation no run interrupted (one array, so it is stable). */
export const NO_INTERRUPTS: readonly AgentInterrupt[] = Object.freeze([]);

/**
 * One connection bound to the messages built from it: its outbox and events go into the
 * model, and the conversation state comes out, coalesced to one publish per frame while text
 * streams and published at once when a message ends, an error arrives, the user acts, or the
 * connection's snapshot changes. Unchanged messages keep their identity across publishes.
 */
export class ConversationBinding<Outgoing> {
  readonly connection: ConversationConnection<Outgoing>;
  readonly #model: ConversationModel<Outgoing>;
  readonly #options: BindingOptions<Outgoing>;
  readonly #unlink: Array<() => void>;
  #snapshot: ConnectionSnapshot<Outgoing>;
  #lastSnapshotError: Error | null;
  #error: Error | null;
  #unreported: Error[] = [];
  #published: ConversationState<Outgoing>;
  #cancelFrame: (() => void) | null = null;
  #interrupts: readonly AgentInterrupt[] = NO_INTERRUPTS;
  #destroyed = false;

  constructor(connection: ConversationConnection<Outgoing>, options: BindingOptions<Outgoing>) {
    this.connection = connection;
    this.#options = options;
    this.#model = new ConversationModel(options);
    if (options.restored) this.#model.restore(options.restored);
    this.#snapshot = connection.getSnapshot();
    this.#lastSnapshotError = this.#snapshot.error;
    this.#error = this.#snapshot.error;
    this.#model.syncOutbox(this.#snapshot.outbox);
    this.#published = this.#buildState();
    this.#unlink = [
      connection.onEvent((event) => this.#onEvent(event)),
      connection.subscribe(() => {
        this.#takeSnapshot();
        this.publish();
      }),
    ];
    // The connection may have changed between the first read and subscribing.
    this.#takeSnapshot();
    this.#published = this.#buildState();
  }

  /** The state last published. */
  get state(): ConversationState<Outgoing> {
    return this.#published;
  }

  /** Publishes now (cancelling a pending frame) when anything changed, then the notifications. */
  publish(): void {
    this.#cancelPendingFrame();
    const previous = this.#published;
    const next = this.#buildState();
    const changed =
      next.messages !== previous.messages ||
      next.connection !== previous.connection ||
      next.error !== previous.error ||
      next.isStreaming !== previous.isStreaming ||
      next.agentState !== previous.agentState ||
      next.pendingInterrupts !== previous.pendingInterrupts;
    if (changed) {
      this.#published = next;
      this.#options.output.state(next);
    }
    for (const message of this.#model.takeFinished()) this.#options.output.messageFinished(message);
    const errors = this.#unreported;
    this.#unreported = [];
    for (const reported of errors) this.#options.output.error(reported);
  }

  send(message: Outgoing): string {
    this.#error = null;
    this.#interrupts = NO_INTERRUPTS;
    this.#model.beginTurn();
    return this.#handOver(() => this.connection.send(message));
  }

  /** Shows the reply (results, answered interrupts) first, then sends it. */
  sendReply(reply: AgentReply): void {
    const sendReply = this.connection.sendReply?.bind(this.connection);
    if (!sendReply) throw invalidOption("connection.sendReply", "a function", undefined);
    this.#model.applyToolResults(reply.toolResults ?? []);
    const answered = new Set(reply.resume?.map((entry) => entry.interruptId));
    const left = this.#interrupts.filter((interrupt) => !answered.has(interrupt.id));
    if (left.length !== this.#interrupts.length) {
      this.#interrupts = left.length ? left : NO_INTERRUPTS;
    }
    this.#error = null;
    this.#model.beginTurn();
    this.#handOver(() => sendReply(reply));
  }

  /** Hands something to the connection, then shows its outbox; a refusal is reported, rethrown. */
  #handOver<T>(send: () => T): T {
    let result: T;
    try {
      result = send();
    } catch (cause) {
      this.#report(toError(cause));
      this.publish();
      throw cause;
    }
    this.#takeSnapshot();
    this.publish();
    return result;
  }

  /**
   * Sends the turn of message `id` again as a new version: what was sent for it, or `edited`.
   * `null` when the conversation is busy or the turn has nothing to send.
   */
  resend(id: string, edited?: { message: Outgoing }): string | null {
    const { records } = this.#model;
    const head = this.#busy() ? undefined : records.turnHead(id);
    const message = head && (edited ?? this.#model.sent(head.id));
    if (!head || !message) return null;
    const undo = records.fork(head);
    try {
      return this.send(message.message);
    } catch (cause) {
      undo();
      this.publish();
      throw cause;
    }
  }

  selectBranch(id: string, index: number): void {
    const { records } = this.#model;
    const head = records.get(id);
    if (this.#busy() || !head || !records.isShown(head)) return;
    records.select(head, index);
    this.publish();
  }

  /** An answer in progress or a message waiting to be sent: versions must not change now. */
  #busy(): boolean {
    return (
      this.#model.isStreaming() || this.#snapshot.outbox.some((entry) => entry.status === "queued")
    );
  }

  /** Marks the answer stopped first: stopping may close the socket, which reads as an interruption. */
  stop(): void {
    this.#model.stopAnswer();
    this.publish();
    this.connection.stop();
  }

  retry(id: string): void {
    this.connection.retry(id);
    this.#takeSnapshot();
    this.publish();
  }

  dismiss(id: string): void {
    this.connection.dismiss(id);
    this.#takeSnapshot();
    this.publish();
  }

  close(): void {
    this.#model.stopAnswer();
    this.publish();
    this.connection.close();
  }

  clearError(): void {
    this.#error = null;
    this.publish();
  }

  /** Stops listening to the connection and cancels a pending publish. Does not close it. */
  destroy(): void {
    this.#destroyed = true;
    for (const unlink of this.#unlink) unlink();
    this.#cancelPendingFrame();
  }

  #buildState(): ConversationState<Outgoing> {
    return {
      messages: this.#model.messages(),
      connection: this.#snapshot,
      error: this.#error,
      isStreaming: this.#model.isStreaming(),
      agentState: this.#model.extension?.agentState,
      pendingInterrupts: this.#interrupts,
    };
  }

  #publishOnNextFrame(): void {
    if (this.#cancelFrame || this.#destroyed) return;
    this.#cancelFrame = this.#options.scheduler(() => {
      this.#cancelFrame = null;
      this.publish();
    });
  }

  #cancelPendingFrame(): void {
    this.#cancelFrame?.();
    this.#cancelFrame = null;
  }

  #report(reported: Error): void {
    this.#error = reported;
    this.#unreported.push(reported);
  }

  #takeSnapshot(): void {
    const next = this.connection.getSnapshot();
    const previous = this.#snapshot;
    if (next === previous) return;
    this.#snapshot = next;
    if (
      previous.status === "open" &&
      next.status !== "open" &&
      !answerCarriesOn(this.connection, next)
    ) {
      this.#model.interruptAnswer(INTERRUPTED_ANSWER);
    }
    if (next.status === "open" && previous.status !== "open") this.#error = null;
    this.#model.syncOutbox(next.outbox);
    for (const failure of this.#model.takeErrors()) this.#report(failure);
    if (next.error && next.error !== this.#lastSnapshotError) this.#report(next.error);
    this.#lastSnapshotError = next.error;
  }

  #onEvent(event: AgentEvent): void {
    const expanded = this.#model.extension?.expand(event) ?? [event];
    for (const each of expanded) this.#apply(each);
    for (const failure of this.#model.takeErrors()) this.#report(failure);
    if (isUrgent(event)) this.publish();
    else this.#publishOnNextFrame();
    this.#options.output.event(event);
  }

  /** One event (chunks expanded) into the messages and the interrupts. */
  #apply(event: AgentEvent): void {
    this.#model.applyEvent(event);
    switch (event.type) {
      case "error":
        this.#report(
          new AgentRuntimeAgentError(event.message, { code: event.code, fatal: event.fatal }),
        );
        break;
      case "run-started":
        this.#interrupts = NO_INTERRUPTS;
        break;
      case "resume-unavailable":
        this.#model.interruptAnswer(event.message);
        break;
      case "run-finished":
        this.#interrupts =
          event.outcome === "interrupt" && event.interrupts?.length
            ? event.interrupts
            : NO_INTERRUPTS;
    }
  }
}
