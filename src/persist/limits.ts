/** How much a persistence keeps before it evicts the oldest conversations. */
export interface PersistenceLimits {
  /** At most this many conversations are kept (default 20). */
  maxConversations?: number;
  /**
   * At most this many bytes, all conversations together, measured as the UTF-8 length of each
   * record's JSON (default 5 MB, 5,000,000).
   */
  maxBytes?: number;
}

export const DEFAULT_MAX_CONVERSATIONS = 20;
export const DEFAULT_MAX_BYTES = 5_000_000;

/** What the index keeps of one conversation, so eviction reads no record. */
export interface IndexEntry {
  savedAt: number;
  bytes: number;
}

/** Every kept conversation's key with its {@link IndexEntry}. */
export type ConversationIndex = Readonly<Record<string, IndexEntry>>;

export function resolveLimits(limits: PersistenceLimits): Required<PersistenceLimits> {
  return {
    maxConversations: limits.maxConversations ?? DEFAULT_MAX_CONVERSATIONS,
    maxBytes: limits.maxBytes ?? DEFAULT_MAX_BYTES,
  };
}

const encoder = new TextEncoder();

/** The size a record counts for: the UTF-8 length of its JSON. */
export function recordBytes(record: unknown): number {
  return encoder.encode(JSON.stringify(record)).length;
}

/**
 * The keys to evict from `index`, oldest `savedAt` first, until both limits hold; never `kept`
 * (the conversation just saved), even when it alone is over `maxBytes`.
 */
export function pickEvictions(
  index: ConversationIndex,
  kept: string,
  limits: Required<PersistenceLimits>,
): string[] {
  const keys = Object.keys(index);
  let count = keys.length;
  let bytes = keys.reduce((sum, key) => sum + (index[key]?.bytes ?? 0), 0);
  const oldestFirst = keys
    .filter((key) => key !== kept)
    .sort((a, b) => (index[a]?.savedAt ?? 0) - (index[b]?.savedAt ?? 0));
  const evicted: string[] = [];
  for (const key of oldestFirst) {
    if (count <= limits.maxConversations && bytes <= limits.maxBytes) break;
    evicted.push(key);
    count -= 1;
    bytes -= index[key]?.bytes ?? 0;
  }
  return evicted;
}
