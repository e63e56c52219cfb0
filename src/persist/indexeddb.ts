import { createStore, delMany, get, set, update } from "idb-keyval";
import type { ConversationPersistence } from "../store/persistence";
import { claimLock } from "./claims";
import { PersistenceUnavailableError, reasonFor } from "./errors";
import type { ConversationIndex, PersistenceLimits } from "./limits";
import { memoryPersistence } from "./memory";
import { recordStore, type RecordBackend, type RecordStore } from "./records";

/** Options of {@link indexedDbPersistence}. */
export interface IndexedDbPersistenceOptions extends PersistenceLimits {
  /** The IndexedDB database (default `"agentcore-react"`); also part of the claims' lock names. */
  name?: string;
  /**
   * Called once, when IndexedDB cannot be used (missing, private browsing, out of space) and
   * conversations are kept in memory from then on. A `console.warn` says so either way.
   */
  onFallback?(error: PersistenceUnavailableError): void;
}

export const DEFAULT_DATABASE_NAME = "agentcore-react";
const OBJECT_STORE = "conversations";
const INDEX_KEY = "index";

function isIndex(value: unknown): value is ConversationIndex {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Records under `["conversation", key]`, the index under `"index"`, in one object store. */
function indexedDbBackend(name: string): RecordBackend {
  const store = createStore(name, OBJECT_STORE);
  const recordKey = (key: string): IDBValidKey => ["conversation", key];
  return {
    read: (key) => get<unknown>(recordKey(key), store),
    write: (key, record) => set(recordKey(key), record, store),
    delete: (keys) => delMany(keys.map(recordKey), store),
    updateIndex: (change) =>
      update<ConversationIndex>(INDEX_KEY, (index) => change(isIndex(index) ? index : {}), store),
  };
}

/**
 * Conversations kept in IndexedDB, so they survive a reload (docs/persistence.md). At most
 * `maxConversations` (20) and `maxBytes` (5 MB) are kept: after each save the oldest others go.
 *
 * Where IndexedDB is missing or refuses (private browsing, a blocked or full storage), this
 * instance keeps conversations in memory for the rest of its life: `kind` turns `"memory"`,
 * the record being written is kept there, `console.warn` says so once and `onFallback` is called.
 * `load` never rejects. `claim` holds a Web Lock named after the database and the key.
 */
export function indexedDbPersistence(
  options: IndexedDbPersistenceOptions = {},
): ConversationPersistence {
  const name = options.name ?? DEFAULT_DATABASE_NAME;
  const available = typeof indexedDB !== "undefined";
  let database: RecordStore | undefined;
  let memory: RecordStore | undefined;

  function fallBack(error: PersistenceUnavailableError): RecordStore {
    if (memory) return memory;
    memory = memoryPersistence(options);
    console.warn(
      `agentcore-react/persist: ${error.message}; conversations are kept in memory from now on ` +
        "and will not survive a reload.",
    );
    options.onFallback?.(error);
    return memory;
  }

  async function attempt<T>(
    during: "read" | "write",
    operation: (records: RecordStore) => Promise<T>,
  ): Promise<T> {
    if (memory) return operation(memory);
    if (!available) return operation(fallBack(new PersistenceUnavailableError("unsupported")));
    database ??= recordStore(indexedDbBackend(name), options);
    try {
      return await operation(database);
    } catch (error) {
      return operation(fallBack(new PersistenceUnavailableError(reasonFor(error, during), error)));
    }
  }

  return {
    get kind() {
      return memory || !available ? "memory" : "indexeddb";
    },
    // Never rejects, whatever the backend or `onFallback` throw: a record that cannot be read is none.
    load: (key) => attempt("read", (records) => records.load(key)).catch(() => undefined),
    save: (record) => attempt("write", (records) => records.save(record)),
    remove: (key) => attempt("write", (records) => records.remove(key)),
    claim: (key) => claimLock(`agentcore-react/persist:${name}:${key}`),
  };
}
