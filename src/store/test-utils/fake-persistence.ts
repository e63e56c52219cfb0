import type {
  ConversationPersistence,
  PersistedConversation,
  PersistenceClaim,
} from "../persistence";

/**
 * A `ConversationPersistence` in memory for tests: it records every save, lets a test hold
 * saves back (they resolve, i.e. become durable, only when released), and answers `claim` as
 * another tab would when a key is marked taken.
 */
export class FakePersistence implements ConversationPersistence {
  readonly kind = "memory" as const;
  readonly records = new Map<string, PersistedConversation<unknown>>();
  /** Every record handed to `save`, in order, as it was then. */
  readonly saves: Array<PersistedConversation<unknown>> = [];
  /** Keys held by a claim of this tab or, with `takenElsewhere`, another one. */
  readonly claimed = new Set<string>();
  /** How many times `load` was called. */
  loads = 0;
  #held: Array<() => void> | null = null;

  /** Marks `key` as held by another tab. */
  takenElsewhere(key: string): void {
    this.claimed.add(key);
  }

  /** From now on saves wait; returns the function that lets them (and later ones) through. */
  holdSaves(): () => void {
    const held: Array<() => void> = [];
    this.#held = held;
    return () => {
      this.#held = null;
      for (const release of held) release();
    };
  }

  /** The record last saved, as kept. */
  last(): PersistedConversation<unknown> | undefined {
    return this.saves.at(-1);
  }

  load(key: string): Promise<PersistedConversation<unknown> | undefined> {
    this.loads += 1;
    return Promise.resolve(structuredClone(this.records.get(key)));
  }

  async save(record: PersistedConversation<unknown>): Promise<void> {
    const copy = structuredClone(record);
    this.saves.push(copy);
    const held = this.#held;
    if (held) await new Promise<void>((resolve) => held.push(resolve));
    this.records.set(copy.key, copy);
  }

  remove(key: string): Promise<void> {
    this.records.delete(key);
    return Promise.resolve();
  }

  claim(key: string): Promise<PersistenceClaim | null> {
    if (this.claimed.has(key)) return Promise.resolve(null);
    this.claimed.add(key);
    return Promise.resolve({ release: () => void this.claimed.delete(key) });
  }
}
