import type { AttachmentReference } from "../core/attachment-reference";

/** Progress of one upload, in bytes. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/** What an upload function gets besides the file. */
export interface UploadAttachmentOptions {
  /** Aborted when the user removes the file (or the chat unmounts) while it uploads. */
  signal: AbortSignal;
  /** Call as bytes go out; the composer shows the progress of each file. */
  onProgress(progress: UploadProgress): void;
}

/**
 * Uploads one file somewhere the agent can read it (e.g. S3 with a presigned URL: see
 * `s3UploadAttachment`) and resolves with its reference, which the message carries. Reject
 * to show the file as failed, with Retry and Remove; the error's message is shown.
 */
export type UploadAttachment = (
  file: File,
  options: UploadAttachmentOptions,
) => Promise<AttachmentReference>;

/** Which files the composer takes. */
export interface AttachmentLimits {
  /**
   * Accepted types: MIME types (`application/pdf`), families (`image/*`) or file name
   * extensions (`.csv`). Default: any file.
   */
  accept?: readonly string[];
  /** Largest file, in bytes. Default 10 MiB. */
  maxBytes?: number;
  /** Most files on one message. Default 5. */
  maxFiles?: number;
}
