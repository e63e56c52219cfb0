import type { OnlineSource } from "./types";

/**
 * What this module reads from the global scope. The DOM typings promise all of it; Node, SSR
 * and some workers have none of it, so every member may be missing.
 */
interface OnlineGlobals {
  navigator?: { onLine?: unknown };
  addEventListener?: (type: string, listener: () => void) => void;
  removeEventListener?: (type: string, listener: () => void) => void;
}

/** The global scope, typed as what it may really hold (a widening, checked by the compiler). */
function onlineGlobals(): OnlineGlobals {
  return globalThis;
}

/**
 * The platform's online/offline signal: `navigator.onLine` plus the global `online` and
 * `offline` events (windows and workers). Where there is no such signal (Node, SSR) it always
 * answers "online" and never calls back. Touches nothing until asked.
 */
export const navigatorOnlineSource: OnlineSource = {
  isOnline(): boolean {
    const { navigator } = onlineGlobals();
    return typeof navigator?.onLine === "boolean" ? navigator.onLine : true;
  },
  subscribe(listener: (online: boolean) => void): () => void {
    const host = onlineGlobals();
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
