import type { ConnectionStatus } from "../../../connection/types";

/**
 * Whether the composer can take a message. It queues while connecting, reconnecting or
 * offline; after `failed` only if a reconnect can be started; never once `closed` (the app
 * ended the conversation; the banner offers Reconnect).
 */
export function canQueueMessages(status: ConnectionStatus, canReconnect: boolean): boolean {
  if (status === "closed") return false;
  if (status === "failed") return canReconnect;
  return true;
}
