import type { OnlineSource } from "./types";

interface EventHost {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
}

/**
 * The platform's online/offline signal: `navigator.onLine` plus the global `online` and
 * `offline` events (windows and workers). Where there is no such signal (Node, SSR) it always
 * answers "online" and never calls back. Touches nothing until asked.
 */
export const navigatorOnlineSource: OnlineSource = {
  isOnline(): boolean {
    const navigator = (globalThis as { navigator?: { onLine?: unknown } }).navigator;
    return typeof navigator?.onLine === "boolean" ? navigator.onLine : true;
  },
  subscribe(listener: (online: boolean) => void): () => void {
    const host = globalThis as unknown as Partial<EventHost>;
    if (
      typeof host.addEventListener !== "function" ||
      typeof host.removeEventListener !== "function"
    ) {
      return () => {};
    }
    const onOnline = (): void => listener(true);
    const onOffline = (): void => listener(false);
    host.addEventListener("online", onOnline);
    host.addEventListener("offline", onOffline);
    return () => {
      host.removeEventListener?.("online", onOnline);
      host.removeEventListener?.("offline", onOffline);
    };
  },
};
