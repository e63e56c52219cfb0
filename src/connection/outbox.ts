import { AgentRuntimeOutboxFullError, AgentRuntimeUnknownMessageError } from "./errors";
import type { OutboxEntry } from "./types";

/** How many `sent` entries the outbox keeps for the UI once newer messages arrive. */
export const SENT_ENTRIES_KEPT = 16;

/**
 * The ordered list of outgoing messages. Copy-on-write: every change makes a new array (and a
 * new object for the entry that changed), so snapshots that hold the old array never change.
 */
export class Outbox<Outgoing> {
  #entries: ReadonlyArray<OutboxEntry<Outgoing>> = [];
  readonly #maxQueued: number;

  constructor(maxQueued: number) {
    this.#maxQueued = maxQueued;
  }

  /** The current entries, in send order. The same array until something changes. */
  get entries(): ReadonlyArray<OutboxEntry<Outgoing>> {
    return this.#entries;
  }

  /** Entries waiting to be sent, oldest first. */
  queued(): Array<OutboxEntry<Outgoing>> {
    return this.#entries.filter((entry) => entry.status === "queued");
  }

  get(id: string): OutboxEntry<Outgoing> | undefined {
    return this.#entries.find((entry) => entry.id === id);
  }

  /**
   * Adds a message at the end. Drops the oldest `sent` entries beyond {@link SENT_ENTRIES_KEPT}
   * first (a subscriber has seen them as `sent` in an earlier snapshot by then).
   *
   * @throws {AgentRuntimeOutboxFullError} when a `queued` entry would exceed the limit.
   */
  add(entry: OutboxEntry<Outgoing>): void {
    if (entry.status === "queued" && this.queued().length >= this.#maxQueued) {
      throw new AgentRuntimeOutboxFullError(this.#maxQueued);
    }
    let sentToDrop =
      this.#entries.filter((existing) => existing.status === "sent").length - SENT_ENTRIES_KEPT + 1;
    const kept = this.#entries.filter((existing) => {
      if (sentToDrop > 0 && existing.status === "sent") {
        sentToDrop--;
        return false;
      }
      return true;
    });
    this.#entries = [...kept, entry];
  }

  /** Replaces the entry with this id by `change(entry)`. */
  update(id: string, change: (entry: OutboxEntry<Outgoing>) => OutboxEntry<Outgoing>): void {
    this.#entries = this.#entries.map((entry) => (entry.id === id ? change(entry) : entry));
  }

  /**
   * Queues a `failed` entry again, at the end (it is sent after everything queued before it).
   *
   * @throws {AgentRuntimeUnknownMessageError} when no entry has this id.
   * @throws {AgentRuntimeOutboxFullError} when the queue is full.
   * @returns whether the entry was re-queued (`false` when it was not `failed`).
   */
  requeue(id: string): boolean {
    const entry = this.get(id);
    if (!entry) throw new AgentRuntimeUnknownMessageError(id);
    if (entry.status !== "failed") return false;
    if (this.queued().length >= this.#maxQueued)
      throw new AgentRuntimeOutboxFullError(this.#maxQueued);
    this.#entries = [
      ...this.#entries.filter((existing) => existing.id !== id),
      { id, message: entry.message, status: "queued" },
    ];
    return true;
  }

  /** Queues `sent` entries again where they stand (the agent closed without reading them). */
  requeueSent(ids: readonly string[]): void {
    const again = new Set(ids);
    this.#entries = this.#entries.map((entry) =>
      again.has(entry.id) && entry.status === "sent" ? { ...entry, status: "queued" } : entry,
    );
  }

  /**
   * Removes an entry that is not waiting to be sent (`sent` or `failed`).
   *
   * @throws {AgentRuntimeUnknownMessageError} when no entry has this id.
   * @returns whether it was removed (`false` for a `queued` entry, which stays).
   */
  dismiss(id: string): boolean {
    const entry = this.get(id);
    if (!entry) throw new AgentRuntimeUnknownMessageError(id);
    if (entry.status === "queued") return false;
    this.#entries = this.#entries.filter((existing) => existing.id !== id);
    return true;
  }
}
