import { isRecord } from "./option-checks";

/**
 * A file the user attached to a message, as the message carries it: where the upload put it
 * (`url` or `key`, or both) and what it is. The bytes never travel over the WebSocket.
 */
export interface AttachmentReference {
  /** The file's name as the user picked it. */
  name: string;
  /** Its MIME type, e.g. `image/png` (`application/octet-stream` when the browser gave none). */
  type: string;
  /** Its size in bytes. */
  size: number;
  /** Where the agent can fetch it, when the upload has a URL (e.g. an `https://` object URL). */
  url?: string;
  /** The object key in the app's storage, e.g. `uploads/<user>/<uuid>/photo.png`. */
  key?: string;
}

/** A user message with attachments, as `<AgentChat>` sends it when files are attached. */
export interface MessageWithAttachments {
  text: string;
  attachments: readonly AttachmentReference[];
}

/**
 * What the chat's composer hands to `send()`: the text alone, or, with files attached, the
 * text and their references. `textCodec` and `agUiCodec` encode both (see docs/codecs.md).
 */
export type ChatInput = string | MessageWithAttachments;

/** Whether `message` is a {@link MessageWithAttachments} (an object with text and an array). */
export function isMessageWithAttachments(message: unknown): message is MessageWithAttachments {
  return (
    isRecord(message) && typeof message.text === "string" && Array.isArray(message.attachments)
  );
}

/** The references as a frame carries them: only the known fields, in one order. */
export function plainReferences(
  attachments: readonly AttachmentReference[],
): AttachmentReference[] {
  return attachments.map(({ name, type, size, url, key }) => {
    const reference: AttachmentReference = { name, type, size };
    if (url !== undefined) reference.url = url;
    if (key !== undefined) reference.key = key;
    return reference;
  });
}

/** The attachments of a message handed to `send()`, frozen; `undefined` when it has none. */
export function attachmentsOf(message: unknown): readonly AttachmentReference[] | undefined {
  if (!isMessageWithAttachments(message) || message.attachments.length === 0) return undefined;
  return Object.freeze(plainReferences(message.attachments).map((item) => Object.freeze(item)));
}
