// Attachments for <AgentChat>: the config factory and the S3 upload helper, plus the composer's
// attachment area they load on first render (file button, previews, paste and drop, queue).
export { attachments, s3UploadAttachment } from "../../dist/attachments.js";
export { default as AttachmentArea } from "../../dist/react/components/attachments/attachment-area.js";
