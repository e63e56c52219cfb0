/** Every text the attachment parts of the composer show or announce (English by default). */
export interface AttachmentLabels {
  /** Accessible name of the file button. */
  attach: string;
  /** Accessible name of the list of attached files. */
  attachedFiles: string;
  /** Accessible name of a file's Remove button. */
  remove: (name: string) => string;
  /** Accessible name of a failed file's Retry button. */
  retryUpload: (name: string) => string;
  /** A file still uploading; `percent` is 0-100. */
  uploading: (name: string, percent: number) => string;
  /** A file whose upload failed, with the reason. */
  uploadFailed: (name: string, reason: string) => string;
  /** Why Send waits: this many files still upload. */
  waitingForUploads: (count: number) => string;
  /** Why Send waits: an upload failed and needs Retry or Remove. */
  resolveFailedUploads: string;
  /** Shown while files are dragged over the composer. */
  dropHere: string;
  /** A file over `maxFiles`. */
  tooManyFiles: (name: string, maxFiles: number) => string;
  /** A file whose type is not among `accept`. */
  notAccepted: (name: string, accept: readonly string[]) => string;
  /** A file over `maxBytes` (sizes already formatted, e.g. `12 MB`). */
  tooLarge: (name: string, size: string, maxSize: string) => string;
}

export const DEFAULT_ATTACHMENT_LABELS: AttachmentLabels = {
  attach: "Attach files",
  attachedFiles: "Attached files",
  remove: (name) => `Remove ${name}`,
  retryUpload: (name) => `Retry uploading ${name}`,
  uploading: (name, percent) => `Uploading ${name}: ${percent}%`,
  uploadFailed: (name, reason) => `${name} did not upload: ${reason}`,
  waitingForUploads: (count) =>
    count === 1 ? "Send waits for 1 upload to finish" : `Send waits for ${count} uploads to finish`,
  resolveFailedUploads: "Retry or remove the file that did not upload to send",
  dropHere: "Drop files to attach them",
  tooManyFiles: (name, maxFiles) =>
    `${name} was not attached: at most ${maxFiles} ${maxFiles === 1 ? "file" : "files"} per message`,
  notAccepted: (name, accept) =>
    `${name} was not attached: only ${accept.join(", ")} files are accepted`,
  tooLarge: (name, size, maxSize) =>
    `${name} was not attached: it is ${size}, over the ${maxSize} limit`,
};
