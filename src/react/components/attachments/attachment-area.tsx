"use client";

import { useEffect, useId, useMemo, useRef } from "react";
import type { AttachedFile } from "../../../attachments/attachment-queue";
import type { AttachmentAreaProps } from "../../../attachments/chat-attachments";
import type { AttachmentLabels } from "../../../attachments/labels";
import { AttachmentChip } from "./attachment-chip";
import { useAttachmentQueue } from "./use-attachment-queue";
import { useFileDrop } from "./use-file-drop";

/** Why Send must wait, or `null`: files still uploading, or a failed one to retry or remove. */
function blockedReason(items: readonly AttachedFile[], labels: AttachmentLabels): string | null {
  const uploading = items.filter((item) => item.status === "uploading").length;
  if (uploading > 0) return labels.waitingForUploads(uploading);
  if (items.some((item) => item.status === "failed")) return labels.resolveFailedUploads;
  return null;
}

function PaperclipIcon() {
  return (
    <svg
      className="acr-composer__attach-icon"
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

interface AttachmentTrayProps {
  items: readonly AttachedFile[];
  labels: AttachmentLabels;
  dragging: boolean;
  blocked: string | null;
  blockedId: string;
  refusals: readonly string[];
  onRemove(id: string): void;
  onRetry(id: string): void;
}

/** Above the input: the drop hint, the attached files, why Send waits, and refusals. */
function AttachmentTray({
  items,
  labels,
  dragging,
  blocked,
  blockedId,
  refusals,
  onRemove,
  onRetry,
}: AttachmentTrayProps) {
  return (
    <div className="acr-composer__attachments">
      {dragging && <p className="acr-composer__drop">{labels.dropHere}</p>}
      {items.length > 0 && (
        <ul className="acr-attachments" aria-label={labels.attachedFiles}>
          {items.map((item) => (
            <AttachmentChip
              key={item.id}
              item={item}
              labels={labels}
              onRemove={onRemove}
              onRetry={onRetry}
            />
          ))}
        </ul>
      )}
      {blocked !== null && (
        <p id={blockedId} className="acr-composer__blocked">
          {blocked}
        </p>
      )}
      <div className="acr-composer__refusals" role="alert">
        {refusals.map((text, index) => (
          <p key={index}>{text}</p>
        ))}
      </div>
    </div>
  );
}

/** The paperclip button and the file input it opens. */
function FileButton({
  labels,
  accept,
  disabled,
  onFiles,
}: {
  labels: AttachmentLabels;
  accept: readonly string[];
  disabled: boolean;
  onFiles(files: File[]): void;
}) {
  const input = useRef<HTMLInputElement | null>(null);
  return (
    <>
      <button
        type="button"
        className="acr-button acr-button--ghost acr-composer__attach"
        aria-label={labels.attach}
        title={labels.attach}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        <PaperclipIcon />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        className="acr-visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept={accept.length > 0 ? accept.join(",") : undefined}
        disabled={disabled}
        onChange={(event) => {
          onFiles(Array.from(event.target.files ?? []));
          event.target.value = "";
        }}
      />
    </>
  );
}

/** Tells the composer what to send and whether Send waits; `null` once the area goes. */
function useReport(
  onChange: AttachmentAreaProps["onChange"],
  items: readonly AttachedFile[],
  blocked: string | null,
  blockedId: string,
  clear: () => void,
) {
  const clearRef = useRef(clear);
  clearRef.current = clear;
  const references = useMemo(
    () => items.flatMap((item) => (item.reference === null ? [] : [item.reference])),
    [items],
  );
  useEffect(() => {
    onChange({ references, blocked, blockedId, clear: () => clearRef.current() });
  }, [onChange, references, blocked, blockedId]);
  useEffect(() => () => onChange(null), [onChange]);
}

/**
 * The composer's attachments: a file button, paste and drop on the composer, a tray of the
 * attached files with previews and upload progress, and the refusals of files over the limits.
 * Loaded on first render of a chat with `attachments`; reports to the composer what to send.
 */
export default function AttachmentArea({
  attachments,
  form,
  disabled,
  onChange,
  announce,
}: AttachmentAreaProps) {
  const { labels, limits } = attachments;
  const { queue, items, refusals, setRefusals, addFiles } = useAttachmentQueue(
    attachments,
    announce,
  );
  const blockedId = useId();
  const dragging = useFileDrop(form, disabled, addFiles);
  useEffect(() => {
    form?.toggleAttribute("data-dragging", dragging);
  }, [form, dragging]);

  const blocked = blockedReason(items, labels);
  useReport(onChange, items, blocked, blockedId, () => {
    queue.clear();
    setRefusals([]);
  });

  return (
    <>
      <AttachmentTray
        items={items}
        labels={labels}
        dragging={dragging}
        blocked={blocked}
        blockedId={blockedId}
        refusals={refusals}
        onRemove={(id) => {
          queue.remove(id);
          setRefusals([]);
        }}
        onRetry={(id) => queue.retry(id)}
      />
      <FileButton labels={labels} accept={limits.accept} disabled={disabled} onFiles={addFiles} />
    </>
  );
}
