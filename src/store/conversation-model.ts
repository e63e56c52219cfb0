import type { AgentEvent } from "../codecs/types";
import type { OutboxEntry, OutboxStatus } from "../connection/types";
import { carryMessageIds } from "./message-index";
import type { ChatMessage, ChatMessageStatus, ChatRole, MessagePart, ToolCallPart } from "./types";

/** The mutable working copy of one message; published as an immutable `ChatMessage`. */
interface MessageRecord {
  readonly id: string;
  readonly role: ChatRole;
  readonly createdAt: number;
  status: ChatMessageStatus;
  error: string | undefined;
  parts: MessagePart[];
  /** The object last published for this record, or `null` when the record changed since. */
  published: ChatMessage | null;
}

/**
 * Whether the store publishes `event` at once instead of on the next frame: a message or run
 * ended, or an error arrived.
 */
export function isUrgent(event: AgentEvent): boolean {
  return event.type === "message-end" || event.type === "run-finished" || event.type === "error";
}

export interface ConversationModelOptions {
  now: () => number;
  /** The text shown for a user message, from what was handed to `send()`. */
  messageText: (message: unknown) => string;
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
export class ConversationModel {
  readonly #records = new Map<string, MessageRecord>();
  readonly #order: string[] = [];
  #orderChanged = false;
  #changed = false;
  #published: readonly ChatMessage[] = [];
  /** The assistant message that id-less deltas go to. */
  #currentAssistantId: string | null = null;
  /** Which message each tool call belongs to. */
  readonly #toolOwners = new Map<string, string>();
  /** Between `run-started` and `run-finished`. */
  #runActive = false;
  /** After `stop()`: leftovers of the stopped answer must not open a new message. */
  #droppingLeftovers = false;
  #generatedIds = 0;
  #finishedIds: string[] = [];
  #failures: Error[] = [];

  readonly #options: ConversationModelOptions;

  constructor(options: ConversationModelOptions) {
    this.#options = options;
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
        if (record && event.delta !== "") this.#appendText(record, event.delta);
        break;
      }
      case "message-end": {
        const id = event.messageId ?? this.#currentAssistantId;
        const record = id === null ? undefined : this.#records.get(id);
        if (record?.role === "assistant" && record.status === "streaming") {
          this.#finish(record, "complete");
        }
        break;
      }
      case "tool-call-start":
        this.#startToolCall(event.toolCallId, event.name, event.parentMessageId);
        break;
      case "tool-call-args":
        this.#updateToolCall(event.toolCallId, (part) => ({
          ...part,
          args: part.args + event.delta,
        }));
        break;
      case "tool-call-end":
        this.#updateToolCall(event.toolCallId, (part) => ({ ...part, status: "complete" }));
        break;
      case "tool-call-result":
        this.#updateToolCall(event.toolCallId, (part) => ({
          ...part,
          result: event.content,
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
  syncOutbox(outbox: ReadonlyArray<OutboxEntry<unknown>>): void {
    for (const entry of outbox) {
      let record = this.#records.get(entry.id);
      if (!record) {
        const text = this.#options.messageText(entry.message);
        record = this.#addRecord(entry.id, "user", "pending", [{ type: "text", text }]);
      }
      const status = OUTBOX_TO_MESSAGE_STATUS[entry.status];
      const error =
        entry.status === "failed" ? (entry.error?.message ?? UNSENT_MESSAGE) : undefined;
      if (record.status === status && record.error === error) continue;
      if (status === "error" && record.status !== "error") {
        this.#failures.push(entry.error ?? new Error(UNSENT_MESSAGE));
      }
      record.status = status;
      record.error = error;
      this.#touch(record);
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
    if (!this.#changed) return this.#published;
    const next = this.#order.map((id) => {
      const record = this.#records.get(id) as MessageRecord;
      record.published ??= toChatMessage(record);
      return record.published;
    });
    if (!this.#orderChanged) carryMessageIds(this.#published, next);
    this.#published = next;
    this.#changed = false;
    this.#orderChanged = false;
    return next;
  }

  /** Assistant messages that finished since the last call, as published. Call after `messages()`. */
  takeFinished(): ChatMessage[] {
    const finished = this.#finishedIds.flatMap((id) => this.#records.get(id)?.published ?? []);
    this.#finishedIds = [];
    return finished;
  }

  /** Send failures seen in the outbox since the last call. */
  takeFailures(): Error[] {
    const failures = this.#failures;
    this.#failures = [];
    return failures;
  }

  #startAssistant(messageId: string | undefined): MessageRecord {
    const existing = messageId === undefined ? undefined : this.#records.get(messageId);
    if (existing) return existing;
    const id = messageId ?? this.#generateId();
    const record = this.#addRecord(id, "assistant", "streaming", []);
    this.#currentAssistantId = id;
    return record;
  }

  /** The streaming message a delta belongs to, opening one when the agent did not. */
  #streamingTarget(messageId: string | undefined): MessageRecord | null {
    const id = messageId ?? this.#currentAssistantId;
    const known = id === null ? undefined : this.#records.get(id);
    if (known) return known.role === "assistant" && known.status === "streaming" ? known : null;
    if (this.#droppingLeftovers) return null;
    return this.#startAssistant(messageId);
  }

  #appendText(record: MessageRecord, delta: string): void {
    const last = record.parts[record.parts.length - 1];
    if (last?.type === "text") {
      record.parts[record.parts.length - 1] = { type: "text", text: last.text + delta };
    } else {
      record.parts.push({ type: "text", text: delta });
    }
    this.#touch(record);
  }

  #startToolCall(toolCallId: string, name: string, parentMessageId?: string): void {
    if (this.#toolOwners.has(toolCallId)) return;
    const parent = parentMessageId === undefined ? undefined : this.#records.get(parentMessageId);
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
    this.#touch(owner);
  }

  #updateToolCall(toolCallId: string, update: (part: ToolCallPart) => ToolCallPart): void {
    const ownerId = this.#toolOwners.get(toolCallId);
    const owner = ownerId === undefined ? undefined : this.#records.get(ownerId);
    if (!owner || owner.status === "stopped" || owner.status === "error") return;
    const index = owner.parts.findIndex(
      (part) => part.type === "tool-call" && part.toolCallId === toolCallId,
    );
    const part = owner.parts[index];
    if (part?.type !== "tool-call") return;
    owner.parts[index] = update(part);
    this.#touch(owner);
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
      this.#touch(record);
    }
  }

  #finish(record: MessageRecord, status: ChatMessageStatus, error?: string): void {
    record.status = status;
    record.error = error;
    if (this.#currentAssistantId === record.id) this.#currentAssistantId = null;
    this.#finishedIds.push(record.id);
    this.#touch(record);
  }

  *#streamingAssistants(): Generator<MessageRecord> {
    for (const record of this.#records.values()) {
      if (record.role === "assistant" && record.status === "streaming") yield record;
    }
  }

  #addRecord(
    id: string,
    role: ChatRole,
    status: ChatMessageStatus,
    parts: MessagePart[],
  ): MessageRecord {
    const record: MessageRecord = {
      id,
      role,
      createdAt: this.#options.now(),
      status,
      error: undefined,
      parts,
      published: null,
    };
    this.#records.set(id, record);
    this.#order.push(id);
    this.#orderChanged = true;
    this.#changed = true;
    return record;
  }

  #touch(record: MessageRecord): void {
    record.published = null;
    this.#changed = true;
  }

  #generateId(): string {
    let id: string;
    do {
      this.#generatedIds += 1;
      id = `agent-message-${this.#generatedIds}`;
    } while (this.#records.has(id));
    return id;
  }
}

function isRunningTool(part: MessagePart): part is ToolCallPart {
  return part.type === "tool-call" && part.status === "running";
}

function toChatMessage(record: MessageRecord): ChatMessage {
  const parts = record.parts.slice();
  const message: ChatMessage = {
    id: record.id,
    role: record.role,
    text: parts.map((part) => (part.type === "text" ? part.text : "")).join(""),
    parts,
    status: record.status,
    createdAt: record.createdAt,
  };
  if (record.error !== undefined) message.error = record.error;
  return message;
}
