import { Branches, type Lane } from "./branches";
import { carryMessageIds } from "./message-index";
import { joinText, toChatMessage, type MessageRecord } from "./message-record";
import type { ChatMessage, ChatMessageStatus, ChatRole, MessagePart } from "./types";

/**
 * The messages of a conversation as mutable working copies, in order, published as immutable
 * `ChatMessage` objects: every object (and the array) that did not change is reused.
 */
export class MessageRecords {
  readonly #records = new Map<string, MessageRecord>();
  readonly #order: MessageRecord[] = [];
  #orderChanged = false;
  #changed = false;
  #published: readonly ChatMessage[] = [];
  #generatedIds = 0;
  /** Ids of records removed (by a messages snapshot): the outbox must not bring them back. */
  readonly #removed = new Set<string>();
  readonly #now: () => number;
  readonly #branches = new Branches();

  constructor(now: () => number) {
    this.#now = now;
  }

  get(id: string | null | undefined): MessageRecord | undefined {
    return id === null || id === undefined ? undefined : this.#records.get(id);
  }

  has(id: string): boolean {
    return this.#records.has(id);
  }

  values(): IterableIterator<MessageRecord> {
    return this.#records.values();
  }

  /** Adds a message at the end of the path shown. */
  add(
    id: string,
    role: ChatRole,
    status: ChatMessageStatus,
    parts: MessagePart[],
    createdAt = this.#now(),
  ): MessageRecord {
    const text = joinText(parts);
    const lane = this.#branches.current;
    if (lane.parent && lane.headId === null) {
      lane.headId = id;
      this.#touchVersions(lane);
    }
    const record: MessageRecord = {
      id,
      role,
      createdAt,
      status,
      error: undefined,
      parts,
      text,
      chars: text.length,
      truncated: false,
      published: null,
      lane,
    };
    this.#records.set(id, record);
    this.#order.push(record);
    this.#orderChanged = true;
    this.#changed = true;
    return record;
  }

  /**
   * Puts a new record in `record`'s place (same position and creation time) with another id
   * or role; the old one is forgotten. Returns the new record.
   */
  swap(record: MessageRecord, changes: { id?: string; role?: ChatRole }): MessageRecord {
    const next: MessageRecord = { ...record, ...changes, published: null };
    this.#records.delete(record.id);
    this.#records.set(next.id, next);
    const index = this.#order.indexOf(record);
    if (index >= 0) this.#order[index] = next;
    this.#orderChanged = true;
    this.#changed = true;
    return next;
  }

  remove(id: string): void {
    const record = this.#records.get(id);
    if (!record) return;
    this.#records.delete(id);
    this.#order.splice(this.#order.indexOf(record), 1);
    this.#removed.add(id);
    this.#orderChanged = true;
    this.#changed = true;
  }

  /** Whether a record with this id was removed. */
  wasRemoved(id: string): boolean {
    return this.#removed.has(id);
  }

  /** Marks a record changed: it is published anew next time. */
  touch(record: MessageRecord): void {
    record.published = null;
    this.#changed = true;
  }

  /** An id for an agent message that came without one, unused by any message. */
  generateId(): string {
    let id: string;
    do {
      this.#generatedIds += 1;
      id = `agent-message-${this.#generatedIds}`;
    } while (this.#records.has(id));
    return id;
  }

  /** The last message on the path shown that `match` accepts. */
  findLast(match: (record: MessageRecord) => boolean): MessageRecord | undefined {
    for (let index = this.#order.length - 1; index >= 0; index--) {
      const record = this.#order[index];
      if (record?.lane.visible && match(record)) return record;
    }
    return undefined;
  }

  /** Whether the message is on the path shown. */
  isShown(record: MessageRecord): boolean {
    return record.lane.visible;
  }

  /** The user message starting the turn a shown message belongs to (itself for a user message). */
  turnHead(id: string): MessageRecord | undefined {
    const record = this.#records.get(id);
    if (!record?.lane.visible) return undefined;
    for (let index = this.#order.indexOf(record); index >= 0; index--) {
      const candidate = this.#order[index];
      if (candidate?.role === "user" && candidate.lane.visible) return candidate;
    }
    return undefined;
  }

  /** Starts a new version of the turn `head` starts; see `Branches.fork`. */
  fork(head: MessageRecord): () => void {
    const undo = this.#branches.fork(this.#order, head);
    this.#touchVersions(this.#branches.current);
    return () => {
      undo();
      this.#touchVersions(head.lane);
    };
  }

  /** Shows version `index` of the turn the user message `head` starts. */
  select(head: MessageRecord, index: number): void {
    if (this.#branches.select(head, index)) this.#touchVersions(head.lane);
  }

  /** The path shown changed, and so did the `branch` of the versions next to `lane`. */
  #touchVersions(lane: Lane): void {
    for (const id of this.#branches.siblingHeads(lane)) {
      const head = this.#records.get(id);
      if (head) this.touch(head);
    }
    this.#orderChanged = true;
    this.#changed = true;
  }

  /** The messages shown as immutable objects; the same array when nothing changed. */
  publish(): readonly ChatMessage[] {
    if (!this.#changed) return this.#published;
    const next = this.#order.flatMap((record) =>
      record.lane.visible
        ? [(record.published ??= toChatMessage(record, this.#branches.branchOf(record)))]
        : [],
    );
    if (!this.#orderChanged) carryMessageIds(this.#published, next);
    this.#published = next;
    this.#changed = false;
    this.#orderChanged = false;
    return next;
  }
}
