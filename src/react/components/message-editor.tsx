"use client";

import { useState } from "react";
import type { ChatMessage } from "../../store/types";
import { useMessageActions } from "./behaviour/use-message-actions";
import { useChatContext } from "./chat-context";

/** Props of {@link MessageEditor}. */
export interface MessageEditorProps {
  message: ChatMessage;
  /** Called when editing ends: `sent` after Save (Enter), `false` after Cancel (Escape). */
  onClose: (sent: boolean) => void;
}

/**
 * A user message being edited, in place of its bubble: Enter or Save sends the text as a new
 * version of the turn, Shift+Enter adds a line, Escape or Cancel closes it unchanged.
 */
export function MessageEditor({ message, onClose }: MessageEditorProps) {
  const { labels } = useChatContext("MessageEditor");
  const { editAndResend } = useMessageActions(message);
  const [text, setText] = useState(message.text);
  const save = () => {
    if (!text.trim()) return;
    onClose(true);
    editAndResend(text);
  };
  return (
    <form
      className="acr-editor"
      onSubmit={(event) => {
        event.preventDefault();
        save();
      }}
    >
      <textarea
        className="acr-editor__input"
        aria-label={labels.editMessage}
        value={text}
        rows={Math.min(8, text.split("\n").length + 1)}
        // Opened by the user's own press of Edit: focus belongs in the field.
        autoFocus
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Escape") onClose(false);
          const composing = event.nativeEvent.isComposing || event.keyCode === 229;
          if (event.key !== "Enter" || event.shiftKey || composing) return;
          event.preventDefault();
          save();
        }}
      />
      <div className="acr-editor__buttons">
        <button type="button" className="acr-button" onClick={() => onClose(false)}>
          {labels.cancel}
        </button>
        <button className="acr-button acr-button--primary" disabled={!text.trim()}>
          {labels.save}
        </button>
      </div>
    </form>
  );
}
