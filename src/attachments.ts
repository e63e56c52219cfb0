/**
 * `agentcore-react/attachments`: files in `<AgentChat>`'s composer, opted into by importing
 * this entry and passing its config:
 *
 * ```tsx
 * import { attachments, s3UploadAttachment } from "agentcore-react/attachments";
 * const files = attachments({
 *   uploadAttachment: s3UploadAttachment({ endpoint: "/api/upload-url" }),
 *   accept: ["image/*", "application/pdf"],
 * });
 * <AgentChat urlProvider={urlProvider} attachments={files} />;
 * ```
 *
 * The composer's attachment area (file button, previews, paste and drop) is loaded with
 * `import()` the first time the composer renders, so the main entry carries none of it.
 *
 * @packageDocumentation
 */
export { attachments } from "./attachments/create-attachments";
export type {
  AttachmentAreaProps,
  AttachmentOptions,
  ChatAttachments,
  ComposerAttachmentState,
} from "./attachments/chat-attachments";
export { DEFAULT_ATTACHMENT_LABELS, type AttachmentLabels } from "./attachments/labels";
export {
  DEFAULT_ATTACHMENT_MAX_BYTES,
  DEFAULT_ATTACHMENT_MAX_FILES,
  isAccepted,
} from "./attachments/limits";
export {
  AttachmentQueue,
  type AttachedFile,
  type AttachmentQueueOptions,
} from "./attachments/attachment-queue";
export { s3UploadAttachment, type S3UploadAttachmentOptions } from "./attachments/s3-upload";
export type {
  AttachmentLimits,
  UploadAttachment,
  UploadAttachmentOptions,
  UploadProgress,
} from "./attachments/types";
export type {
  AttachmentReference,
  ChatInput,
  MessageWithAttachments,
} from "./core/attachment-reference";
export { formatBytes } from "./core/format-bytes";
