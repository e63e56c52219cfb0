import { useCallback, useSyncExternalStore } from "react";
import type { ConnectionSnapshot, ConversationConnection } from "../../connection/types";

/**
 * The connection's snapshot (`status`, `reason`, `nextRetryAt`, `online`, ...), kept current:
 * for a status line beside `useChat`'s messages, also while no answer is awaited.
 *
 * ```tsx
 * const { status, reason } = useAgentCoreStatus(transport.connection);
 * ```
 */
export function useAgentCoreStatus(
  connection: Pick<ConversationConnection<unknown>, "subscribe" | "getSnapshot">,
): ConnectionSnapshot<unknown> {
  const subscribe = useCallback(
    (listener: () => void) => connection.subscribe(listener),
    [connection],
  );
  const read = useCallback(() => connection.getSnapshot(), [connection]);
  return useSyncExternalStore(subscribe, read, read);
}
