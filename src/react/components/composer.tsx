"use client";

import { useId, useState, type ReactNode } from "react";
import type { ComposerAttachmentState } from "../../attachments/chat-attachments";
import { AttachmentSlot } from "./attachment-slot";
import { useComposer } from "./behaviour/use-composer";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";
import { ComposerActions } from "./composer-actions";
import { VoiceSlot } from "./voice-slot";

/** Props of {@link Composer}. */
export interface ComposerProps {
  className?: string;
  /** Placeholder. Default: `labels.composerPlaceholder`. */
  placeholder?: string;
  /** Focus the input on mount. Default false. */
  autoFocus?: boolean;
  /**
   * Buttons next to Send. Default: {@link StopButton}, which takes Send's place while an answer
   * streams (the default theme hides Send when a Stop button comes right before it).
   */
  actions?: ReactNode;
  /** Called after a message was queued, with its id and text. */
  onSent?: (id: string, text: string) => void;
}

/**
 * The message input: Enter sends, Shift+Enter adds a line, Enter during IME composition never
 * sends. It queues while the connection is down and is disabled only when nothing can be queued
 * (closed or failed, and the chat cannot reopen the conversation). Its behaviour is
 * {@link useComposer}. With the chat's `voice`, a microphone button follows Send, and a call's
 * status and buttons show above the input while it runs.
 */
export function Composer({ className, placeholder, autoFocus, actions, onSent }: ComposerProps) {
  const { labels, attachments, voice, announce } = useChatContext("Composer");
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const [attached, setAttached] = useState<ComposerAttachmentState | null>(null);
  const composer = useComposer({ autoFocus, onSent, attachments: attached });
  const errorId = useId();
  const inputId = useId();
  const { enabled, error } = composer;
  return (
    <form
      ref={setForm}
      className={cx("acr-composer", attachments && "acr-composer--attachments", className)}
      onSubmit={composer.onSubmit}
    >
      {voice && <VoiceSlot part="panel" voice={voice} retryLabel={labels.retry} />}
      {attachments && (
        <AttachmentSlot
          attachments={attachments}
          form={form}
          disabled={!enabled}
          onChange={setAttached}
          announce={announce}
        />
      )}
      <label className="acr-visually-hidden" htmlFor={inputId}>
        {labels.composerLabel}
      </label>
      <textarea
        {...composer.inputProps}
        id={inputId}
        className="acr-composer__input"
        rows={1}
        placeholder={
          enabled ? (placeholder ?? labels.composerPlaceholder) : labels.composerClosedPlaceholder
        }
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      <ComposerActions
        actions={actions}
        sendLabel={labels.send}
        canSubmit={composer.canSubmit}
        sendDescribedBy={composer.blocked !== null ? attached?.blockedId : undefined}
        voice={voice}
        retryLabel={labels.retry}
      />
      {error && (
        <p id={errorId} className="acr-composer__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
