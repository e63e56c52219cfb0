import { isMessageWithAttachments } from "../core/attachment-reference";

/**
 * The text shown for a user message by default: the string itself, the text of a message with
 * attachments, otherwise its JSON.
 */
export function defaultMessageText(message: unknown): string {
  if (typeof message === "string") return message;
  if (isMessageWithAttachments(message)) return message.text;
  return JSON.stringify(message) ?? String(message);
}
