"use client";

import { useMemo, useRef } from "react";
import type { AgentChatController, AgentChatSource } from "../types";

/** A store with actions (it has `getState` itself) is wrapped; a controller is used as is. */
function asController(source: AgentChatSource): AgentChatController {
  if ("getState" in source && typeof source.getState === "function") {
    const store = source;
    return {
      store,
      send: (text) => store.send(text),
      stop: () => store.stop(),
      retry: (id) => store.retry(id),
      ...(typeof store.reconnect === "function" ? { reconnect: () => store.reconnect?.() } : {}),
    };
  }
  return source as AgentChatController;
}

/**
 * A controller whose identity changes only with its store, calling the latest functions. The
 * hook returns a new result object on every update; without this the whole chat would
 * re-render with every chunk. Accepts a store with actions as well and wraps it.
 */
export function useStableController(source: AgentChatSource): AgentChatController {
  const latest = useRef(asController(source));
  latest.current = asController(source);
  const { store } = latest.current;
  const hasReconnect = typeof latest.current.reconnect === "function";
  return useMemo<AgentChatController>(
    () => ({
      store,
      send: (text) => latest.current.send(text),
      stop: () => latest.current.stop(),
      retry: (id) => latest.current.retry(id),
      ...(hasReconnect ? { reconnect: () => latest.current.reconnect?.() } : {}),
    }),
    [store, hasReconnect],
  );
}
