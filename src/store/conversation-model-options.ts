import type { ConversationExtension } from "./conversation-extension";
import type { MessageRecords } from "./message-records";

/** Messages kept from an earlier page (`persist`). */
export interface RestoredMessages {
  /** Adds them to `records`; returns the id of the answer still streaming, or `null`. */
  addTo(records: MessageRecords): string | null;
  /** Given when the answer that was streaming cannot go on: it ends in error with this text. */
  interrupted?: string | undefined;
}

/** What a `ConversationModel` needs. */
export interface ConversationModelOptions<Outgoing> {
  now: () => number;
  /** The text shown for a user message, from what was handed to `send()`. */
  messageText: (message: Outgoing) => string;
  /** Characters an agent message may hold; what arrives beyond is dropped (checked already). */
  maxMessageChars: number;
  /** The codec's support for events beyond text, tool calls, runs and errors, if any. */
  extension?: ConversationExtension | undefined;
}
