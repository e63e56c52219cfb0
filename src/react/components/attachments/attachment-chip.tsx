"use client";

import type { AttachedFile } from "../../../attachments/attachment-queue";
import type { AttachmentLabels } from "../../../attachments/labels";
import { formatBytes } from "../../../core/format-bytes";

interface AttachmentChipProps {
  item: AttachedFile;
  labels: AttachmentLabels;
  onRemove(id: string): void;
  onRetry(id: string): void;
}

/** One attached file: its preview (images) or name and size, its upload, Retry and Remove. */
export function AttachmentChip({ item, labels, onRemove, onRetry }: AttachmentChipProps) {
  const percent = Math.round(item.progress * 100);
  return (
    <li className="acr-attachment" data-status={item.status}>
      {item.previewUrl !== null ? (
        <img className="acr-attachment__preview" src={item.previewUrl} alt="" />
      ) : (
        <span className="acr-attachment__icon" aria-hidden="true" />
      )}
      <span className="acr-attachment__body">
        <span className="acr-attachment__name">{item.name}</span>
        <span className="acr-attachment__size">{formatBytes(item.size)}</span>
        {item.status === "uploading" && (
          <progress
            className="acr-attachment__progress"
            max={100}
            value={percent}
            aria-label={labels.uploading(item.name, percent)}
          />
        )}
        {item.status === "failed" && (
          <span className="acr-attachment__error">
            {labels.uploadFailed(item.name, item.error ?? "")}
          </span>
        )}
      </span>
      {item.status === "failed" && (
        <button
          type="button"
          className="acr-button acr-button--secondary acr-attachment__retry"
          aria-label={labels.retryUpload(item.name)}
          onClick={() => onRetry(item.id)}
        >
          ↻
        </button>
      )}
      <button
        type="button"
        className="acr-button acr-button--ghost acr-attachment__remove"
        aria-label={labels.remove(item.name)}
        onClick={() => onRemove(item.id)}
      >
        ×
      </button>
    </li>
  );
}
