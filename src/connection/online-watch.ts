import type { OnlineSource } from "./types";

/**
 * The connection's view of the network: a reading on demand (a source that throws counts as
 * online) and one subscription at most, kept while the connection wants to know.
 */
export class OnlineWatch {
  readonly #source: OnlineSource;
  #unsubscribe: (() => void) | null = null;

  constructor(source: OnlineSource) {
    this.#source = source;
  }

  read(): boolean {
    try {
      return this.#source.isOnline() !== false;
    } catch {
      return true;
    }
  }

  /** Starts calling `listener` on changes, unless already watching. */
  watch(listener: (online: boolean) => void): void {
    if (this.#unsubscribe) return;
    this.#unsubscribe = this.#source.subscribe(listener);
  }

  unwatch(): void {
    const unsubscribe = this.#unsubscribe;
    this.#unsubscribe = null;
    unsubscribe?.();
  }
}
