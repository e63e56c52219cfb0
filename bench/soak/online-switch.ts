import type { OnlineSource } from "../../src/connection/types";

/**
 * An `OnlineSource` the soak flips by hand (the connection's stand-in for `navigator.onLine`),
 * counting its subscribers so a leaked listener shows.
 */
export class OnlineSwitch implements OnlineSource {
  #online = true;
  readonly #listeners = new Set<(online: boolean) => void>();
  /** Most subscribers at any one time. */
  maxListeners = 0;

  isOnline(): boolean {
    return this.#online;
  }

  subscribe(listener: (online: boolean) => void): () => void {
    this.#listeners.add(listener);
    this.maxListeners = Math.max(this.maxListeners, this.#listeners.size);
    return () => {
      this.#listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  set(online: boolean): void {
    if (online === this.#online) return;
    this.#online = online;
    for (const listener of [...this.#listeners]) listener(online);
  }
}
