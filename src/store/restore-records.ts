import type { MessageRecords } from "./message-records";
import type { ChatMessage } from "./types";

/**
 * Adds messages kept from an earlier page (`persist`) to `records`, at the end, as they were.
 * Returns the id of the last answer still streaming, or `null`.
 */
export function restoreRecords(
  records: MessageRecords,
  messages: readonly ChatMessage[],
): string | null {
  let streaming: string | null = null;
  for (const message of messages) {
    const { id, role, status, createdAt } = message;
    const record = records.add(id, role, status, [...message.parts], createdAt);
    record.error = message.error;
    record.truncated = message.truncated === true;
    if (message.attachments) record.attachments = message.attachments;
    if (role === "assistant" && status === "streaming") streaming = id;
  }
  return streaming;
}
