import {
  PERSISTED_CONVERSATION_VERSION,
  type PersistedConversation,
} from "../../store/persistence";

/** A valid record under `key`, with one user message of `text`. */
export function conversation(key: string, savedAt: number, text = "hi"): PersistedConversation {
  return {
    version: PERSISTED_CONVERSATION_VERSION,
    key,
    sessionId: `session-${key}`,
    messages: [
      {
        id: `m-${key}`,
        role: "user",
        text,
        parts: [{ type: "text", text }],
        status: "complete",
        createdAt: savedAt,
      },
    ],
    outbox: [{ id: "o1", message: "pending" }],
    delivery: { epoch: "e1", applied: 7 },
    savedAt,
  };
}
