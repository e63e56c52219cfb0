import type { AgentEvent } from "../codecs/types";
import type { OutboxEntry, OutboxStatus } from "../connection/types";
import { AgentRuntimeMessageTooLongError } from "./errors";
import { MessageRecords } from "./message-records";
import { appendText, fitContent, isRunningTool, type MessageRecord } from "./message-record";
import type { ChatMessage, ChatMessageStatus, ToolCallPart } from "./types";

/**
 * Whether the store publishes `event` at once instead of on the next frame: a message or run
 * ended, or an error arrived.
 */
export function isUrgent(event: AgentEvent): boolean {
  return event.type === "message-end" || event.type === "run-finished" || event.type === "error";
}

export interface ConversationModelOptions<Outgoing> {
  now: () => number;
  /** The text shown for a user message, from what was handed to `send()`. */
  messageText: (message: Outgoing) => string;
  /** Characters an agent message may hold; what arrives beyond is dropped (checked already). */
  maxMessageChars: number;
}

const OUTBOX_TO_MESSAGE_STATUS: Record<OutboxStatus, ChatMessageStatus> = {
  queued: "pending",
  sent: "complete",
  failed: "error",
};

/** The message a failed send shows when the connection gave no error. */
const UNSENT_MESSAGE = "The message could not be sent.";

/**
 * The conversation as the store builds it: messages from outbox entries (user) and agent events
 * (assistant). Mutations are cheap and synchronous; `messages()` turns the working copies into
 * immutable objects, reusing every object (and the array) that did not change.
 */
export class ConversationModel<Outgoing> {
  readonly #records: MessageRecords;
  /** The assistant message that id-less deltas go to. */
  #currentAssistantId: string | null = null;
  /** Which message each tool call belongs to. */
  readonly #toolOwners = new Map<string, string>();
  /** Between `run-started` and `run-finished`. */
  #runActive = false;
  /** After `stop()`: leftovers of the stopped answer must not open a new message. */
  #droppingLeftovers = false;
  #finishedIds: string[] = [];
  /** Send failures and truncated messages, reported by the binding. */
  #errors: Error[] = [];

  readonly #options: ConversationModelOptions<Outgoing>;

  constructor(options: ConversationModelOptions<Outgoing>) {
    this.#options = options;
    this.#records = new MessageRecords(options.now);
  }

  /** Takes in one decoded agent event. */
  applyEvent(event: AgentEvent): void {
    switch (event.type) {
      case "run-started":
        this.#runActive = true;
        this.#droppingLeftovers = false;
        break;
      case "message-start":
        if (event.messageId === undefined || !this.#records.has(event.messageId)) {
          this.#droppingLeftovers = false;
          this.#startAssistant(event.messageId);
        }
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
        const record = this.#records.get(event.messageId ?? this.#currentAssistantId);
        if (record?.role === "assistant" && record.status === "streaming") {
          this.#finish(record, "complete");
        }
        break;
      }
      case "tool-call-start":
        this.#startToolCall(event.toolCallId, event.name, event.parentMessageId);
        break;
      case "tool-call-args":
        this.#updateToolCall(event.toolCallId, (part, owner) =>
          owner.truncated ? null : { ...part, args: part.args + this.#fit(owner, event.delta) },
        );
        break;
      case "tool-call-end":
        this.#updateToolCall(event.toolCallId, (part) => ({ ...part, status: "complete" }));
        break;
      case "tool-call-result":
        this.#updateToolCall(event.toolCallId, (part, owner) => ({
          ...part,
          result: this.#fit(owner, event.content),
          status: "complete",
        }));
        break;
      case "run-finished":
        this.#endRun("complete");
        break;
      case "error":
        if (event.fatal) this.#endRun("error", event.message);
      // state-snapshot, state-delta and custom events carry no message content.
    }
  }

  /** Mirrors the outbox: one user message per entry, its status following the entry's. */
  syncOutbox(outbox: ReadonlyArray<OutboxEntry<Outgoing>>): void {
    for (const entry of outbox) {
      let record = this.#records.get(entry.id);
      if (!record) {
        const text = this.#options.messageText(entry.message);
        record = this.#records.add(entry.id, "user", "pending", [{ type: "text", text }]);
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

  /** Marks the answer in progress `stopped` and ignores what is left of it. */
  stopAnswer(): void {
    for (const record of this.#streamingAssistants()) this.#finish(record, "stopped");
    this.#runActive = false;
    this.#currentAssistantId = null;
    this.#droppingLeftovers = true;
  }

  /** The stream broke: an answer in progress will not continue on a new socket. */
  interruptAnswer(reason: string): void {
    this.#endRun("error", reason);
  }

  /** A new user turn: events without a message id may open a new answer again. */
  beginTurn(): void {
    this.#droppingLeftovers = false;
  }

  /** True while an answer is in progress. */
  isStreaming(): boolean {
    if (this.#runActive) return true;
    for (const record of this.#records.values()) {
      if (record.role !== "assistant") continue;
      if (record.status === "streaming") return true;
      if (record.status === "complete" && record.parts.some(isRunningTool)) return true;
    }
    return false;
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
  #fit(record: MessageRecord, content: string): string {
    const wasTruncated = record.truncated;
    const limit = this.#options.maxMessageChars;
    const kept = fitContent(record, content, limit);
    if (record.truncated && !wasTruncated) {
      this.#errors.push(new AgentRuntimeMessageTooLongError(record.id, limit));
    }
    return kept;
  }

  #startAssistant(messageId: string | undefined): MessageRecord {
    const existing = this.#records.get(messageId);
    if (existing) return existing;
    const id = messageId ?? this.#records.generateId();
    const record = this.#records.add(id, "assistant", "streaming", []);
    this.#currentAssistantId = id;
    return record;
  }

  /** The streaming message a delta belongs to, opening one when the agent did not. */
  #streamingTarget(messageId: string | undefined): MessageRecord | null {
    const known = this.#records.get(messageId ?? this.#currentAssistantId);
    if (known) return known.role === "assistant" && known.status === "streaming" ? known : null;
    if (this.#droppingLeftovers) return null;
    return this.#startAssistant(messageId);
  }

  #startToolCall(toolCallId: string, name: string, parentMessageId?: string): void {
    if (this.#toolOwners.has(toolCallId)) return;
    const parent = this.#records.get(parentMessageId);
    let owner: MessageRecord | null;
    if (parent) {
      // A tool call may follow the end of the text it belongs to (AG-UI does this).
      const open = parent.status === "streaming" || parent.status === "complete";
      owner = parent.role === "assistant" && open ? parent : null;
    } else {
      owner = this.#streamingTarget(parentMessageId);
    }
    if (!owner) return;
    owner.parts.push({ type: "tool-call", toolCallId, name, args: "", status: "running" });
    this.#toolOwners.set(toolCallId, owner.id);
    this.#records.touch(owner);
  }

  /** Replaces a tool call's part with `update`'s result; `null` leaves it as it is. */
  #updateToolCall(
    toolCallId: string,
    update: (part: ToolCallPart, owner: MessageRecord) => ToolCallPart | null,
  ): void {
    const owner = this.#records.get(this.#toolOwners.get(toolCallId));
    if (!owner || owner.status === "stopped" || owner.status === "error") return;
    const index = owner.parts.findIndex(
      (part) => part.type === "tool-call" && part.toolCallId === toolCallId,
    );
    const part = owner.parts[index];
    if (part?.type !== "tool-call") return;
    const next = update(part, owner);
    if (!next) return;
    owner.parts[index] = next;
    this.#records.touch(owner);
  }

  /** Ends every answer in progress, e.g. on `run-finished` or a fatal error. */
  #endRun(status: "complete" | "error", error?: string): void {
    for (const record of this.#streamingAssistants()) this.#finish(record, status, error);
    if (status === "complete") this.#completeRunningTools();
    this.#runActive = false;
    this.#currentAssistantId = null;
  }

  #completeRunningTools(): void {
    for (const record of this.#records.values()) {
      if (record.role !== "assistant" || !record.parts.some(isRunningTool)) continue;
      record.parts = record.parts.map((part) =>
        isRunningTool(part) ? { ...part, status: "complete" } : part,
      );
      this.#records.touch(record);
    }
  }

  #finish(record: MessageRecord, status: ChatMessageStatus, error?: string): void {
    record.status = status;
    record.error = error;
    if (this.#currentAssistantId === record.id) this.#currentAssistantId = null;
    this.#finishedIds.push(record.id);
    this.#records.touch(record);
  }

  *#streamingAssistants(): Generator<MessageRecord> {
    for (const record of this.#records.values()) {
      if (record.role === "assistant" && record.status === "streaming") yield record;
    }
  }
}
