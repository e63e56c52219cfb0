import { PERSISTED_CONVERSATION_VERSION, type PersistedConversation } from "../store/persistence";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isDeliveryPosition(value: unknown): boolean {
  if (value === undefined) return true;
  return isObject(value) && typeof value.epoch === "string" && typeof value.applied === "number";
}

function isOutgoing(value: unknown): boolean {
  return isObject(value) && typeof value.id === "string" && "message" in value;
}

/**
 * Whether `value` is a conversation record of this version kept under `key`. The messages are
 * the store's own writing and are not checked one by one; their container is.
 */
export function isPersistedConversation(
  value: unknown,
  key: string,
): value is PersistedConversation<unknown> {
  return (
    isObject(value) &&
    value.version === PERSISTED_CONVERSATION_VERSION &&
    value.key === key &&
    typeof value.sessionId === "string" &&
    Array.isArray(value.messages) &&
    Array.isArray(value.outbox) &&
    value.outbox.every(isOutgoing) &&
    typeof value.savedAt === "number" &&
    isDeliveryPosition(value.delivery)
  );
}
