import type { MessageRecord } from "./message-record";
import type { MessageRecords } from "./message-records";
import type { ReasoningPart } from "./types";

/**
 * The model's reasoning (AG-UI `REASONING_MESSAGE_*`) as `reasoning` parts. Reasoning that
 * comes before an answer opens an assistant message of its own, which the next assistant
 * message of the run then becomes (it takes that message's id), so the reasoning shows as a
 * part of the answer it led to. Reasoning no answer follows stays a message of its own.
 */
export class Reasoning {
  /** Where each reasoning message went: its record and part index. */
  readonly #parts = new Map<string, { recordId: string; index: number }>();
  /** The record of reasoning still waiting for its answer, in this run. */
  #waiting: MessageRecord | null = null;
  readonly #records: MessageRecords;

  constructor(records: MessageRecords) {
    this.#records = records;
  }

  /** The record a reasoning message went to. */
  recordOf(messageId: string): MessageRecord | undefined {
    return this.#records.get(this.#parts.get(messageId)?.recordId);
  }

  start(messageId: string): void {
    if (this.#parts.has(messageId)) return;
    const part: ReasoningPart = { type: "reasoning", text: "", status: "streaming" };
    let record = this.#waiting;
    if (record && this.#records.get(record.id) === record) {
      record.parts.push(part);
      this.#records.touch(record);
    } else {
      record = this.#records.add(messageId, "assistant", "streaming", [part]);
      this.#waiting = record;
    }
    this.#parts.set(messageId, { recordId: record.id, index: record.parts.length - 1 });
  }

  delta(messageId: string, delta: string): void {
    this.#update(messageId, (part) => ({ ...part, text: part.text + delta }));
  }

  end(messageId: string): void {
    this.#update(messageId, (part) => ({ ...part, status: "complete" }));
  }

  /**
   * A new assistant message `id` starts: the reasoning waiting for an answer becomes that
   * message (returned), or `null` when none waits.
   */
  adopt(id: string): MessageRecord | null {
    const waiting = this.#waiting;
    this.#waiting = null;
    if (!waiting || this.#records.get(waiting.id) !== waiting || this.#records.has(id)) return null;
    const record = this.#records.swap(waiting, { id });
    for (const [messageId, place] of this.#parts) {
      if (place.recordId === waiting.id) this.#parts.set(messageId, { ...place, recordId: id });
    }
    return record;
  }

  /** The run ended: nothing waits any more, and reasoning still streaming is complete. */
  endRun(): void {
    this.#waiting = null;
    for (const messageId of this.#parts.keys()) {
      const part = this.#part(messageId);
      if (part?.status === "streaming") this.end(messageId);
    }
  }

  #part(messageId: string): ReasoningPart | undefined {
    const place = this.#parts.get(messageId);
    const part = this.recordOf(messageId)?.parts[place?.index ?? -1];
    return part?.type === "reasoning" ? part : undefined;
  }

  #update(messageId: string, change: (part: ReasoningPart) => ReasoningPart): void {
    const record = this.recordOf(messageId);
    const place = this.#parts.get(messageId);
    const part = this.#part(messageId);
    if (!record || !place || !part || record.status !== "streaming") return;
    record.parts[place.index] = change(part);
    this.#records.touch(record);
  }
}
