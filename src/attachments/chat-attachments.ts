import type { ComponentType } from "react";
import type { AttachmentReference } from "../core/attachment-reference";
import type { AttachmentLabels } from "./labels";
import type { ResolvedLimits } from "./limits";
import type { AttachmentLimits, UploadAttachment } from "./types";

/** Options of `attachments()` from `agentcore-react/attachments`. */
export interface AttachmentOptions extends AttachmentLimits {
  /** Uploads each file as it is attached; e.g. `s3UploadAttachment({ endpoint })`. */
  uploadAttachment: UploadAttachment;
  /** Texts to override (another language, say); the rest keep their English defaults. */
  labels?: Partial<AttachmentLabels>;
}

/** What the composer needs to know about the attached files to send. */
export interface ComposerAttachmentState {
  /** The uploaded files' references, in order; what the message carries. */
  references: readonly AttachmentReference[];
  /** Why Send must wait (uploads running or failed), or `null`. */
  blocked: string | null;
  /** The id of the element that says why Send waits, for `aria-describedby`. */
  blockedId: string;
  /** Empties the tray once the message was sent (revokes previews). */
  clear(): void;
}

/** Props of the attachment area the composer loads. */
export interface AttachmentAreaProps {
  attachments: ChatAttachments;
  /** The composer's form: paste and drop are heard on it. */
  form: HTMLFormElement | null;
  /** True when nothing can be sent (closed conversation). */
  disabled: boolean;
  onChange(state: ComposerAttachmentState | null): void;
  /** Says a text through the chat's polite live region. */
  announce(text: string): void;
}

/**
 * Attachments for `<AgentChat attachments>`: made by `attachments()` from
 * `agentcore-react/attachments`, whose composer parts load on first render.
 */
export interface ChatAttachments {
  readonly kind: "agentcore-react/attachments";
  readonly limits: ResolvedLimits;
  readonly labels: AttachmentLabels;
  readonly uploadAttachment: UploadAttachment;
  /** Loads the composer's attachment area (file button, previews, drop and paste). */
  load(): Promise<{ default: ComponentType<AttachmentAreaProps> }>;
}
