import type { AttachmentReference } from "../core/attachment-reference";

/** Where an AG-UI 1.0 media part's bytes are: a URL to fetch, or a key in the app's storage. */
export type AgUiPartSource =
  | { type: "url"; value: string; mimeType: string }
  | { type: "file"; value: string; mimeType: string; provider?: string };

/** An AG-UI 1.0 user message content part, as this library sends them. */
export type AgUiContentPart =
  | { type: "text"; text: string }
  | {
      type: "image" | "audio" | "video" | "document";
      source: AgUiPartSource;
      /** The file's name and size, which AG-UI parts have no field of their own for. */
      metadata: { name: string; size: number; key?: string };
    };

/** The AG-UI part kind for a MIME type: images, audio and video by their family, else document. */
function partKind(type: string): "image" | "audio" | "video" | "document" {
  const family = type.split("/")[0]?.toLowerCase();
  return family === "image" || family === "audio" || family === "video" ? family : "document";
}

/** One attachment as an AG-UI media part: a `url` source when it has a URL, else a `file` key. */
function mediaPart(attachment: AttachmentReference): AgUiContentPart {
  const { name, type, size, url, key } = attachment;
  const metadata: { name: string; size: number; key?: string } = { name, size };
  if (url !== undefined && key !== undefined) metadata.key = key;
  const source: AgUiPartSource =
    url !== undefined
      ? { type: "url", value: url, mimeType: type }
      : { type: "file", value: key ?? "", mimeType: type };
  return { type: partKind(type), source, metadata };
}

/**
 * The `content` of a user message with attachments: a text part (when there is text), then one
 * media part per attachment.
 */
export function agUiContent(
  text: string,
  attachments: readonly AttachmentReference[],
): AgUiContentPart[] {
  const parts: AgUiContentPart[] = text === "" ? [] : [{ type: "text", text }];
  for (const attachment of attachments) parts.push(mediaPart(attachment));
  return parts;
}
