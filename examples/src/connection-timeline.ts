import type { ConnectionSnapshot } from "./lib";

/** One change of the connection worth showing. */
export interface TimelineEntry {
  seq: number;
  at: number;
  status: ConnectionSnapshot["status"];
  attempt: number;
  nextRetryAt: number | null;
  lastCloseCode: number | null;
  online: boolean;
  reason: string | null;
}

/** Something with connection snapshots: `AgentRuntimeConnection`, or the hook's connection. */
export interface SnapshotSource {
  getSnapshot(): ConnectionSnapshot<unknown>;
  subscribe(listener: () => void): () => void;
}

const MAX_ENTRIES = 200;

/**
 * Records every change of status, attempt, retry time, close code or network state as it
 * happens (outside React, so no intermediate state is lost to batching).
 */
export class ConnectionTimeline {
  #entries: readonly TimelineEntry[] = [];
  #listeners = new Set<() => void>();
  #seq = 0;

  /** Starts recording `source`; returns the function that stops. */
  record(source: SnapshotSource): () => void {
    const take = () => this.#take(source.getSnapshot());
    take();
    return source.subscribe(take);
  }

  getEntries = (): readonly TimelineEntry[] => this.#entries;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #take(snapshot: ConnectionSnapshot<unknown>): void {
    const last = this.#entries.at(-1);
    if (
      last &&
      last.status === snapshot.status &&
      last.attempt === snapshot.attempt &&
      last.nextRetryAt === snapshot.nextRetryAt &&
      last.lastCloseCode === snapshot.lastCloseCode &&
      last.online === snapshot.online
    ) {
      return;
    }
    const entry: TimelineEntry = {
      seq: ++this.#seq,
      at: Date.now(),
      status: snapshot.status,
      attempt: snapshot.attempt,
      nextRetryAt: snapshot.nextRetryAt,
      lastCloseCode: snapshot.lastCloseCode,
      online: snapshot.online,
      reason: snapshot.reason,
    };
    this.#entries = [...this.#entries, entry].slice(-MAX_ENTRIES);
    for (const listener of [...this.#listeners]) listener();
  }
}
