import { useMemo, useRef } from "react";
import type { AgentChatController } from "../types";

/**
 * A controller whose identity changes only with its store, calling the latest functions. The
 * hook returns a new result object on every update; without this the whole chat would
 * re-render with every chunk.
 */
export function useStableController(chat: AgentChatController): AgentChatController {
  const latest = useRef(chat);
  latest.current = chat;
  const hasReconnect = typeof chat.reconnect === "function";
  const { store } = chat;
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
