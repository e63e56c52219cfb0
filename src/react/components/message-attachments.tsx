"use client";

import type { AttachmentReference } from "../../core/attachment-reference";
import { formatBytes } from "../../core/format-bytes";

/** The files a user message carries: name and size of each (the bytes are not in the chat). */
export function MessageAttachments({
  attachments,
  label,
}: {
  attachments: readonly AttachmentReference[];
  label: string;
}) {
  return (
    <ul className="acr-message__attachments" aria-label={label}>
      {attachments.map((attachment, index) => (
        <li key={index} className="acr-attachment acr-attachment--sent">
          <span className="acr-attachment__icon" aria-hidden="true" />
          <span className="acr-attachment__body">
            <span className="acr-attachment__name">{attachment.name}</span>
            <span className="acr-attachment__size">{formatBytes(attachment.size)}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
