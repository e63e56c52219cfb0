import type { AgentEvent, AgentMessageRole, ToolResult } from "../codecs/types";
import type { OutboxEntry } from "../connection/types";
import { attachmentsOf } from "../core/attachment-reference";
import { AgentRuntimeAgentError, AgentRuntimeMessageTooLongError } from "./errors";
import { MessageRecords } from "./message-records";
import { OUTBOX_TO_MESSAGE_STATUS, UNSENT_MESSAGE } from "./message-status";
import {
  appendText,
  fitContent,
  hasAnswerInProgress,
  streamingAgentMessages,
  type MessageRecord,
} from "./message-record";
import type { ExtensionEvents } from "./conversation-extension";
import { applySources } from "./sources";
import { ToolCalls } from "./tool-calls";
import type { ChatMessage, ChatMessageStatus } from "./types";
import type { ConversationModelOptions, RestoredMessages } from "./conversation-model-options";

export type { ConversationModelOptions, RestoredMessages } from "./conversation-model-options";

/** Shown on a message still open when the agent finished its run (an AG-UI protocol violation). */
export const UNFINISHED_MESSAGE = "The agent finished its run before this message ended.";

/**
 * The conversation as the store builds it: messages from outbox entries (user) and agent events
 * (assistant). Mutations are cheap and synchronous; `messages()` turns the working copies into
 * immutable objects, reusing every object (and the array) that did not change.
 */
export class ConversationModel<Outgoing> {
  readonly #records: MessageRecords;
  /** The assistant message that id-less deltas go to. */
  #currentAssistantId: string | null = null;
  readonly #toolCalls: ToolCalls;
  /** Messages (text and reasoning) the agent started explicitly and has not ended yet. */
  readonly #open = new Set<string>();
  readonly #extension: ExtensionEvents | undefined;
  /** Between `run-started` and `run-finished`. */
  #runActive = false;
  /** After `stop()`: leftovers of the stopped answer must not open a new message. */
  #droppingLeftovers = false;
  #finishedIds: string[] = [];
  /** Send failures and truncated messages, reported by the binding. */
  #errors: Error[] = [];
  /** What was sent for each user message, to send it again (`regenerate`). */
  readonly #sent = new Map<string, { message: Outgoing }>();
  readonly #options: ConversationModelOptions<Outgoing>;

  constructor(options: ConversationModelOptions<Outgoing>) {
    this.#options = options;
    this.#records = new MessageRecords(options.now);
    this.#toolCalls = new ToolCalls(this.#records);
    this.#extension = options.extension?.create({
      records: this.#records,
      toolCalls: this.#toolCalls,
      open: this.#open,
      droppingLeftovers: () => this.#droppingLeftovers,
      forgetCurrent: () => (this.#currentAssistantId = null),
      report: (error) => this.#errors.push(error),
    });
  }

  /** The codec's extension for this conversation (chunks, the agent's state, ...), if any. */
  get extension(): ExtensionEvents | undefined {
    return this.#extension;
  }

  /** Takes in one decoded agent event. */
  applyEvent(event: AgentEvent): void {
    switch (event.type) {
      case "run-started":
        this.#runActive = true;
        this.#droppingLeftovers = false;
        break;
      case "message-start":
        this.#startMessage(event.messageId, event.role ?? "assistant");
        break;
      case "text-delta": {
        const record = this.#streamingTarget(event.messageId);
        if (record && event.delta !== "" && !record.truncated) {
          appendText(record, this.#fit(record, event.delta));
          this.#records.touch(record);
        }
        break;
      }
      case "message-end": {
        const id = event.messageId ?? this.#currentAssistantId;
        const record = this.#records.get(id);
        if (id !== null) this.#open.delete(id);
        if (record?.status === "streaming") this.#finish(record, "complete");
        // Without run events (the text codec), the end of the answer is the end of the run.
        if (!this.#runActive) this.#toolCalls.endRunning("complete");
        break;
      }
      case "tool-call-start":
        this.#startToolCall(event.toolCallId, event.name, event.parentMessageId);
        break;
      case "tool-call-args":
      case "tool-call-end":
      case "tool-call-result":
        this.#toolCalls.applyEvent(event, this.#fit);
        break;
      case "run-finished":
        this.#endRun("complete");
        break;
      case "error":
        if (event.fatal) this.#endRun("error", event.message);
        break;
      case "sources":
        return applySources(this.#records, event, (id) => this.#streamingTarget(id));
      default:
        // Without an extension, other events reach `onEvent` listeners only.
        this.#extension?.apply(event);
    }
  }

  /** Mirrors the outbox: one user message per entry, its status following the entry's. */
  syncOutbox(outbox: ReadonlyArray<OutboxEntry<Outgoing>>): void {
    for (const entry of outbox) {
      let record = this.#records.get(entry.id);
      if (!record && this.#records.wasRemoved(entry.id)) continue;
      if (!record) {
        const text = this.#options.messageText(entry.message);
        record = this.#records.add(entry.id, "user", "pending", [{ type: "text", text }]);
        this.#sent.set(entry.id, { message: entry.message });
        const attachments = attachmentsOf(entry.message);
        if (attachments) record.attachments = attachments;
      }
      const status = OUTBOX_TO_MESSAGE_STATUS[entry.status];
      const error =
        entry.status === "failed" ? (entry.error?.message ?? UNSENT_MESSAGE) : undefined;
      if (record.status === status && record.error === error) continue;
      if (status === "error" && record.status !== "error") {
        this.#errors.push(entry.error ?? new Error(UNSENT_MESSAGE));
      }
      record.status = status;
      record.error = error;
      this.#records.touch(record);
    }
  }

  /** Shows the results of tool calls the client ran, as sent to the agent. */
  applyToolResults(results: readonly ToolResult[]): void {
    this.#toolCalls.applyResults(results, this.#fit);
  }

  /** Marks the answer in progress `stopped` and ignores what is left of it. */
  stopAnswer(): void {
    for (const record of streamingAgentMessages(this.#records.values()))
      this.#finish(record, "stopped");
    this.#toolCalls.endRunning("interrupted");
    this.#runActive = false;
    this.#currentAssistantId = null;
    this.#droppingLeftovers = true;
    this.#open.clear();
    this.#extension?.endRun();
  }

  /** Takes in messages kept from an earlier page (`persist`): a streaming answer goes on. */
  restore({ addTo, interrupted }: RestoredMessages): void {
    this.#currentAssistantId = addTo(this.#records);
    if (interrupted !== undefined) this.interruptAnswer(interrupted);
  }

  /** The stream broke: an answer in progress will not continue on a new socket. */
  interruptAnswer(reason: string): void {
    this.#endRun("error", reason);
  }

  /** The messages, for the branch actions (`turnHead`, `fork`, `select`). */
  get records(): MessageRecords {
    return this.#records;
  }
  /** What was sent for the user message `id`; `undefined` when the store did not send it. */
  sent(id: string): { message: Outgoing } | undefined {
    return this.#sent.get(id);
  }

  /** A new user turn: events without a message id may open a new answer again. */
  beginTurn(): void {
    this.#droppingLeftovers = false;
  }

  /** True while an answer is in progress. */
  isStreaming(): boolean {
    return this.#runActive || hasAnswerInProgress(this.#records.values());
  }

  /** The messages as immutable objects; the same array when nothing changed. */
  messages(): readonly ChatMessage[] {
    return this.#records.publish();
  }

  /** Assistant messages that finished since the last call, as published. Call after `messages()`. */
  takeFinished(): ChatMessage[] {
    const finished = this.#finishedIds.flatMap((id) => this.#records.get(id)?.published ?? []);
    this.#finishedIds = [];
    return finished;
  }

  /** Send failures seen in the outbox, and messages cut at the cap, since the last call. */
  takeErrors(): Error[] {
    const errors = this.#errors;
    this.#errors = [];
    return errors;
  }

  /** What of `content` fits in the record's budget; the first cut is reported. */
  readonly #fit = (record: MessageRecord, content: string): string => {
    const wasTruncated = record.truncated;
    const limit = this.#options.maxMessageChars;
    const kept = fitContent(record, content, limit);
    if (record.truncated && !wasTruncated) {
      this.#errors.push(new AgentRuntimeMessageTooLongError(record.id, limit));
    }
    return kept;
  };

  #startMessage(messageId: string | undefined, role: AgentMessageRole): void {
    if (messageId !== undefined && this.#records.has(messageId)) {
      if (this.#records.get(messageId)?.status === "streaming") this.#open.add(messageId);
      return;
    }
    this.#droppingLeftovers = false;
    const record = this.#startAssistant(messageId, role);
    this.#open.add(record.id);
  }

  /** A new streaming message (the reasoning waiting for an answer becomes it). */
  #startAssistant(messageId: string | undefined, role: AgentMessageRole = "assistant") {
    const existing = this.#records.get(messageId);
    if (existing) return existing;
    const id = messageId ?? this.#records.generateId();
    const adopted = role === "assistant" ? (this.#extension?.adopt(id) ?? null) : null;
    const record = adopted ?? this.#records.add(id, role, "streaming", []);
    record.status = "streaming";
    if (role === "assistant") this.#currentAssistantId = id;
    return record;
  }

  /** The streaming message a delta belongs to, opening one when the agent did not. */
  #streamingTarget(messageId: string | undefined): MessageRecord | null {
    const known = this.#records.get(messageId ?? this.#currentAssistantId);
    if (known) return known.status === "streaming" ? known : null;
    if (this.#droppingLeftovers) return null;
    return this.#startAssistant(messageId);
  }

  /**
   * A tool call goes to its parent message (which may have ended: AG-UI sends calls after the
   * text they belong to); with a parent not seen yet, to a new message of that id; without a
   * parent, to a new message named after the call (as `@ag-ui/client` does).
   */
  #startToolCall(toolCallId: string, name: string, parentMessageId?: string): void {
    if (this.#toolCalls.has(toolCallId) || this.#droppingLeftovers) return;
    const parent = this.#records.get(parentMessageId);
    let owner: MessageRecord | null;
    if (parent) {
      const open = parent.status === "streaming" || parent.status === "complete";
      owner = parent.role === "assistant" && open ? parent : null;
    } else {
      owner = this.#startAssistant(parentMessageId ?? toolCallId);
      if (this.#currentAssistantId === owner.id) this.#currentAssistantId = null;
    }
    if (owner) this.#toolCalls.add(owner, toolCallId, name);
  }

  /**
   * Ends every answer in progress, e.g. on `run-finished` or a fatal error. A run that finished
   * while a message it started was still open breaks the protocol: that message ends in error,
   * reported once.
   */
  #endRun(status: "complete" | "error", error?: string): void {
    if (status === "complete" && this.#open.size > 0) {
      for (const id of this.#open) {
        const record = this.#records.get(id) ?? this.#extension?.recordOf(id);
        if (record?.status === "streaming") this.#finish(record, "error", UNFINISHED_MESSAGE);
      }
      this.#errors.push(
        new AgentRuntimeAgentError(UNFINISHED_MESSAGE, { code: "protocol-violation" }),
      );
    }
    this.#open.clear();
    this.#extension?.endRun();
    for (const record of streamingAgentMessages(this.#records.values()))
      this.#finish(record, status, error);
    this.#toolCalls.endRunning(status === "complete" ? "complete" : "interrupted");
    this.#runActive = false;
    this.#currentAssistantId = null;
  }

  #finish(record: MessageRecord, status: ChatMessageStatus, error?: string): void {
    record.status = status;
    record.error = error;
    if (this.#currentAssistantId === record.id) this.#currentAssistantId = null;
    this.#finishedIds.push(record.id);
    this.#records.touch(record);
  }
}
