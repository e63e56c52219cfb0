"use client";

import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
} from "react";
import type { ComposerAttachmentState } from "../../../attachments/chat-attachments";
import { useConversation } from "../../use-conversation";
import { useChatContext } from "../chat-context";
import { canQueueMessages } from "../internal/can-queue";

/** Options of {@link useComposer}. */
export interface UseComposerOptions {
  /** Focus the input on mount. Default false. */
  autoFocus?: boolean;
  /** Called after a message was queued, with its id and text. */
  onSent?: (id: string, text: string) => void;
  /**
   * The attached files (what the attachment area reports): their references go with the
   * message, and Send waits while `blocked`.
   */
  attachments?: ComposerAttachmentState | null;
}

/** The composer's behaviour, for a message input of your own. */
export interface ComposerBehaviour {
  draft: string;
  setDraft(text: string): void;
  /** False when nothing can be queued (closed or failed, and the chat cannot reopen). */
  enabled: boolean;
  /**
   * Whether a submit would send now: enabled, the draft is not blank (or files are attached),
   * and no upload is running or failed.
   */
  canSubmit: boolean;
  /** Why Send waits for the attachments, or `null`. */
  blocked: string | null;
  /** Sends the draft; on a refusal keeps it and sets `error`. */
  submit(): void;
  /** Why the last submit was refused, or `null`. */
  error: string | null;
  /** Props for a `<textarea>` (or input): value, change, Enter to send, IME handling, ref. */
  inputProps: {
    ref(element: HTMLTextAreaElement | null): void;
    value: string;
    disabled: boolean;
    onChange(event: ChangeEvent<HTMLTextAreaElement>): void;
    onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void;
    onCompositionStart(): void;
    onCompositionEnd(): void;
  };
  /** For a `<form>`: submits instead of reloading the page. */
  onSubmit(event: FormEvent<HTMLFormElement>): void;
}

/** Enter on a key event that belongs to an IME composition (it confirms the candidate) must not send. */
function isComposingEnter(event: KeyboardEvent<HTMLTextAreaElement>, composing: boolean): boolean {
  return composing || event.nativeEvent.isComposing || event.keyCode === 229;
}

function isPlainEnter(event: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return (
    event.key === "Enter" && !event.shiftKey && !event.altKey && !event.ctrlKey && !event.metaKey
  );
}

interface InputState {
  draft: string;
  setDraft(text: string): void;
  error: string | null;
  setError(error: string | null): void;
  enabled: boolean;
  submit(): void;
  registerComposer(element: HTMLTextAreaElement | null): void;
  input: { current: HTMLTextAreaElement | null };
  autoFocus: boolean;
}

/** The input's props: value, Enter to send (never mid-composition), ref, and `autoFocus`. */
function useInputProps(state: InputState): ComposerBehaviour["inputProps"] {
  const { draft, setDraft, error, setError, enabled, submit, registerComposer, input } = state;
  const { autoFocus } = state;
  const composing = useRef(false);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus, input]);
  const ref = useCallback(
    (element: HTMLTextAreaElement | null) => {
      input.current = element;
      registerComposer(element);
    },
    [registerComposer, input],
  );
  return {
    ref,
    value: draft,
    disabled: !enabled,
    onChange: (event) => {
      setDraft(event.target.value);
      if (error) setError(null);
    },
    onKeyDown: (event) => {
      if (!isPlainEnter(event) || isComposingEnter(event, composing.current)) return;
      event.preventDefault();
      submit();
    },
    onCompositionStart: () => {
      composing.current = true;
    },
    onCompositionEnd: () => {
      composing.current = false;
    },
  };
}

/**
 * The message input's behaviour: Enter sends, Shift+Enter adds a line, Enter during IME
 * composition never sends; it queues while the connection is down and is disabled only when
 * nothing can be queued. Use inside `<AgentChat>`.
 */
export function useComposer({
  autoFocus = false,
  onSent,
  attachments = null,
}: UseComposerOptions = {}): ComposerBehaviour {
  const { chat, registerComposer, scrollToLatest, announce } = useChatContext("Composer");
  const status = useConversation(chat, (state) => state.connection.status);
  const enabled = canQueueMessages(status, typeof chat.reconnect === "function");
  const [draft, setDraft] = useState("");
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLTextAreaElement | null>(null);

  const references = attachments?.references ?? [];
  const blocked = attachments?.blocked ?? null;
  const submit = (): void => {
    const text = draft.trim();
    if ((!text && references.length === 0) || !enabled) return;
    if (blocked !== null) announce(blocked);
    else {
      try {
        const id = chat.send(references.length > 0 ? { text, attachments: references } : text);
        attachments?.clear();
        setDraft("");
        setError(null);
        scrollToLatest();
        onSent?.(id, text);
      } catch (refusal) {
        // Keep the draft so nothing typed is lost; say why it was refused.
        setError(refusal instanceof Error ? refusal.message : String(refusal));
      }
    }
    input.current?.focus();
  };

  const inputProps = useInputProps({
    draft,
    setDraft,
    error,
    setError,
    enabled,
    submit,
    registerComposer,
    input,
    autoFocus,
  });
  return {
    draft,
    setDraft,
    enabled,
    canSubmit: enabled && blocked === null && (draft.trim() !== "" || references.length > 0),
    blocked,
    submit,
    error,
    inputProps,
    onSubmit: (event) => {
      event.preventDefault();
      submit();
    },
  };
}
