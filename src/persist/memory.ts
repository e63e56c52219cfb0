import type { ConversationPersistence, PersistenceClaim } from "../store/persistence";
import type { ConversationIndex, PersistenceLimits } from "./limits";
import { recordStore, type RecordBackend } from "./records";

/** Records in a Map, each a copy as IndexedDB would keep it (later changes do not reach it). */
export function memoryBackend(): RecordBackend {
  const records = new Map<string, unknown>();
  let index: ConversationIndex = {};
  return {
    read: async (key) => structuredClone(records.get(key)),
    write: async (key, record) => {
      records.set(key, structuredClone(record));
    },
    delete: async (keys) => {
      for (const key of keys) records.delete(key);
    },
    updateIndex: async (change) => {
      index = change(index);
    },
  };
}

/**
 * Conversations kept in memory: for tests, server rendering, and where IndexedDB is unavailable
 * (`indexedDbPersistence()` falls back to one). Nothing survives a reload. Same limits and
 * eviction as IndexedDB; a claim guards a conversation against a second claim on this instance
 * only, as nothing here is shared with other tabs.
 */
export function memoryPersistence(limits: PersistenceLimits = {}): ConversationPersistence {
  const records = recordStore(memoryBackend(), limits);
  const claimed = new Set<string>();
  return {
    kind: "memory",
    ...records,
    async claim(key): Promise<PersistenceClaim | null> {
      if (claimed.has(key)) return null;
      claimed.add(key);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          claimed.delete(key);
        },
      };
    },
  };
}
