import {
  PERSISTED_CONVERSATION_VERSION,
  type PersistedConversation,
  type PersistedOutgoing,
} from "../../store/persistence";

/**
 * What the AI SDK transport keeps of an answer in flight, in the shape every
 * `ConversationPersistence` stores: the runtime session, the question (its outbox id is also
 * the answer's message id in `useChat`) and the delivery position just before the answer
 * (absent until the agent's first `@hello`). No messages: `useChat`'s are the app's to keep.
 */
export type ResumeRecord = PersistedConversation<string> & {
  outbox: [PersistedOutgoing<string>];
};

/** The record of the answer to `question`, asked on `sessionId` after frame `applied`. */
export function resumeRecord(
  key: string,
  sessionId: string,
  question: { id: string; message: string },
  epoch: string | null,
  applied: number,
): ResumeRecord {
  return {
    version: PERSISTED_CONVERSATION_VERSION,
    key,
    sessionId,
    messages: [],
    outbox: [question],
    ...(epoch === null ? {} : { delivery: { epoch, applied } }),
    savedAt: Date.now(),
  };
}

function isQuestion(value: unknown): value is PersistedOutgoing<string> {
  if (typeof value !== "object" || value === null) return false;
  const question: Partial<Record<"id" | "message", unknown>> = value;
  return typeof question.id === "string" && typeof question.message === "string";
}

/** Whether `value` is a record this transport wrote under `key` (the storage checked its shape). */
export function isResumeRecord(value: unknown, key: string): value is ResumeRecord {
  if (typeof value !== "object" || value === null) return false;
  const record: Partial<Record<keyof PersistedConversation, unknown>> = value;
  const outbox: unknown[] = Array.isArray(record.outbox) ? record.outbox : [];
  return (
    record.key === key &&
    typeof record.sessionId === "string" &&
    outbox.length === 1 &&
    isQuestion(outbox[0])
  );
}
