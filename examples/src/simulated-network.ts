import { navigatorOnlineSource, type OnlineSource } from "./lib";

/** The browser's online signal, which the demo can force to "offline". */
export interface SimulatedNetwork extends OnlineSource {
  /** True while the demo pretends to be offline. */
  isSimulatingOffline(): boolean;
  setSimulatedOffline(offline: boolean): void;
  /** For React: called whenever `isOnline()` or `isSimulatingOffline()` may have changed. */
  watch(listener: () => void): () => void;
}

/**
 * Wraps `navigator.onLine` (and its events): "offline" while the browser says so or while the
 * demo simulates it. Pass it to the connection as `onlineSource`.
 */
export function createSimulatedNetwork(
  base: OnlineSource = navigatorOnlineSource,
): SimulatedNetwork {
  let simulated = false;
  const listeners = new Set<(online: boolean) => void>();
  const watchers = new Set<() => void>();
  const isOnline = () => !simulated && base.isOnline();
  let last = isOnline();
  const changed = () => {
    const now = isOnline();
    for (const watcher of [...watchers]) watcher();
    if (now === last) return;
    last = now;
    for (const listener of [...listeners]) listener(now);
  };
  let unsubscribeBase: (() => void) | null = null;
  const ensureBase = () => {
    unsubscribeBase ??= base.subscribe(() => changed());
  };
  return {
    isOnline,
    subscribe(listener) {
      ensureBase();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isSimulatingOffline: () => simulated,
    setSimulatedOffline(offline) {
      if (simulated === offline) return;
      simulated = offline;
      changed();
    },
    watch(listener) {
      ensureBase();
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
  };
}
