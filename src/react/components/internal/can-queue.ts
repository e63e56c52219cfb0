import type { ConnectionStatus } from "../../../connection/types";

/**
 * Whether the composer can take a message. It always queues while idle, connecting, open,
 * reconnecting or offline. After `closed` or `failed` it queues only if the controller can
 * reopen the conversation (it has `reconnect`; its `send` reopens, as the hook's does).
 */
export function canQueueMessages(status: ConnectionStatus, canReopen: boolean): boolean {
  if (status === "closed" || status === "failed") return canReopen;
  return true;
}
