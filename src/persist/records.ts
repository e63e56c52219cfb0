import type { ConversationPersistence, PersistedConversation } from "../store/persistence";
import { pickEvictions, recordBytes, resolveLimits, type ConversationIndex } from "./limits";
import type { PersistenceLimits } from "./limits";
import { isPersistedConversation } from "./validate";

/** Where a persistence keeps its records and its index: IndexedDB or a Map. */
export interface RecordBackend {
  read(key: string): Promise<unknown>;
  write(key: string, record: PersistedConversation<unknown>): Promise<void>;
  delete(keys: readonly string[]): Promise<void>;
  /** Replaces the index with `change(index)` in one step (no other write in between). */
  updateIndex(change: (index: ConversationIndex) => ConversationIndex): Promise<void>;
}

/** The records part of a {@link ConversationPersistence}: the same over every backend. */
export type RecordStore = Pick<ConversationPersistence, "load" | "save" | "remove">;

function without(index: ConversationIndex, keys: readonly string[]): ConversationIndex {
  const next = { ...index };
  for (const key of keys) delete next[key];
  return next;
}

/**
 * Load, save and remove over `backend`, with validation on load and eviction after each save.
 * Errors of the backend propagate (the IndexedDB persistence turns them into its fallback).
 */
export function recordStore(backend: RecordBackend, options: PersistenceLimits): RecordStore {
  const limits = resolveLimits(options);

  async function remove(key: string): Promise<void> {
    await backend.delete([key]);
    await backend.updateIndex((index) => without(index, [key]));
  }

  return {
    async load(key) {
      const value = await backend.read(key);
      if (value === undefined) return undefined;
      if (isPersistedConversation(value, key)) return value;
      await remove(key);
      return undefined;
    },
    async save(record) {
      const entry = { savedAt: record.savedAt, bytes: recordBytes(record) };
      await backend.write(record.key, record);
      let evicted: string[] = [];
      await backend.updateIndex((index) => {
        const next = { ...index, [record.key]: entry };
        evicted = pickEvictions(next, record.key, limits);
        return without(next, evicted);
      });
      if (evicted.length > 0) await backend.delete(evicted);
    },
    remove,
  };
}
