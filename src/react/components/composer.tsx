"use client";

import {
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { useChatContext, useChatSelector } from "./chat-context";
import { canQueueMessages } from "./internal/can-queue";
import { cx } from "./internal/cx";
import { StopButton } from "./stop-button";

/** Props of {@link Composer}. */
export interface ComposerProps {
  className?: string;
  /** Placeholder. Default: `labels.composerPlaceholder`. */
  placeholder?: string;
  /** Focus the input on mount. Default false. */
  autoFocus?: boolean;
  /** Buttons next to Send. Default: {@link StopButton} (visible while an answer streams). */
  actions?: ReactNode;
  /** Called after a message was queued, with its id and text. */
  onSent?: (id: string, text: string) => void;
}

/** Enter on a key event that belongs to an IME composition (it confirms the candidate) must not send. */
function isComposingEnter(event: KeyboardEvent<HTMLTextAreaElement>, composing: boolean): boolean {
  return composing || event.nativeEvent.isComposing || event.keyCode === 229;
}

/**
 * The message input: Enter sends, Shift+Enter adds a line, Enter during IME composition never
 * sends. It queues while the connection is down and is disabled only when nothing can be queued
 * (closed or failed, and the controller cannot reopen the conversation).
 */
export function Composer({
  className,
  placeholder,
  autoFocus = false,
  actions,
  onSent,
}: ComposerProps) {
  const { chat, labels, registerComposer, scrollToLatest } = useChatContext("Composer");
  const status = useChatSelector("Composer", (state) => state.connection.status);
  const enabled = canQueueMessages(status, typeof chat.reconnect === "function");
  const [draft, setDraft] = useState("");
  const [sendError, setSendError] = useState<string | null>(null);
  const composingRef = useRef(false);
  const inputRef = useRef<HTMLTextAreaElement | null>(null);
  const errorId = useId();
  const inputId = useId();

  const setInput = useCallback(
    (element: HTMLTextAreaElement | null) => {
      inputRef.current = element;
      registerComposer(element);
    },
    [registerComposer],
  );

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  const submit = () => {
    const text = draft.trim();
    if (!text || !enabled) return;
    try {
      const id = chat.send(text);
      setDraft("");
      setSendError(null);
      scrollToLatest();
      onSent?.(id, text);
    } catch (error) {
      // Keep the draft so nothing typed is lost; say why it was refused.
      setSendError(error instanceof Error ? error.message : String(error));
    }
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key !== "Enter" || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey)
      return;
    if (isComposingEnter(event, composingRef.current)) return;
    event.preventDefault();
    submit();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };

  return (
    <form className={cx("acr-composer", className)} onSubmit={onSubmit}>
      <label className="acr-visually-hidden" htmlFor={inputId}>
        {labels.composerLabel}
      </label>
      <textarea
        ref={setInput}
        id={inputId}
        className="acr-composer__input"
        rows={1}
        value={draft}
        disabled={!enabled}
        placeholder={
          enabled ? (placeholder ?? labels.composerPlaceholder) : labels.composerClosedPlaceholder
        }
        aria-invalid={sendError ? true : undefined}
        aria-describedby={sendError ? errorId : undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          if (sendError) setSendError(null);
        }}
        onKeyDown={onKeyDown}
        onCompositionStart={() => {
          composingRef.current = true;
        }}
        onCompositionEnd={() => {
          composingRef.current = false;
        }}
      />
      <div className="acr-composer__actions">
        {actions === undefined ? <StopButton /> : actions}
        <button
          type="submit"
          className="acr-button acr-button--primary acr-composer__send"
          disabled={!enabled || !draft.trim()}
        >
          {labels.send}
        </button>
      </div>
      {sendError && (
        <p id={errorId} className="acr-composer__error" role="alert">
          {sendError}
        </p>
      )}
    </form>
  );
}
