import { numberOption } from "../core/number-option";
import { invalidOption, optionsObject } from "../core/option-checks";
import type { AttachmentAreaProps, AttachmentOptions, ChatAttachments } from "./chat-attachments";
import { DEFAULT_ATTACHMENT_LABELS } from "./labels";
import { resolveLimits } from "./limits";
import type { ComponentType } from "react";

// The composer's attachment area is imported only with `import()`: an app's bundler puts it in
// a chunk of its own, loaded when a chat with attachments first renders its composer.
const loadArea = (): Promise<{ default: ComponentType<AttachmentAreaProps> }> =>
  import("../react/components/attachments/attachment-area");

/**
 * Attachments for `<AgentChat attachments={...}>`: a file button, paste and drag-and-drop in
 * the composer, previews, size and type limits, and an upload of each file through
 * `uploadAttachment` (the bytes never go over the WebSocket; the message carries references).
 *
 * @throws {AgentRuntimeValidationError} for options that are not an object, no
 *   `uploadAttachment` function, an `accept` that is not an array of strings, or a `maxBytes`
 *   or `maxFiles` that is not a whole number >= 1.
 */
export function attachments(options: AttachmentOptions): ChatAttachments {
  optionsObject("attachments", options);
  const { uploadAttachment, accept, maxBytes, maxFiles, labels } = options;
  if (typeof uploadAttachment !== "function") {
    throw invalidOption(
      "attachments.uploadAttachment",
      "a function (file, options)",
      uploadAttachment,
    );
  }
  if (
    accept !== undefined &&
    (!Array.isArray(accept) || accept.some((a) => typeof a !== "string"))
  ) {
    throw invalidOption("attachments.accept", "an array of strings", accept);
  }
  if (maxBytes !== undefined) numberOption("attachments.maxBytes", maxBytes, "a whole number >= 1");
  if (maxFiles !== undefined) numberOption("attachments.maxFiles", maxFiles, "a whole number >= 1");
  return {
    kind: "agentcore-react/attachments",
    limits: resolveLimits({ accept: accept && [...accept], maxBytes, maxFiles }),
    labels: { ...DEFAULT_ATTACHMENT_LABELS, ...labels },
    uploadAttachment,
    load: loadArea,
  };
}
