"use client";

import { memo, useMemo, useRef, useState } from "react";
import type { ChatMessage, MessagePart } from "../../store/types";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";
import { splitForDisplay } from "./internal/display-budget";
import { ShowAllButton, useReveal } from "./internal/show-all";
import type { AgentChatLabels } from "./labels";
import { MessageActions } from "./message-actions";
import { MessageEditor } from "./message-editor";
import { MessageAttachments } from "./message-attachments";
import { MessageParts, type RenderPart } from "./message-parts";

/** Props of {@link Message}. */
export interface MessageProps {
  message: ChatMessage;
  className?: string;
  /**
   * Replaces how one part (text, tool call, reasoning, activity, sources) is drawn; return
   * `undefined` to keep the default.
   * It gets the whole part: the display cap (`maxDisplayChars`) applies to default parts only.
   */
  renderPart?: RenderPart;
}

/** What a message shows: its parts, or its text as one part when it has none. */
function partsOf(message: ChatMessage): readonly MessagePart[] {
  if (message.parts.length > 0) return message.parts;
  return message.text ? [{ type: "text", text: message.text }] : [];
}

/**
 * The dots shown while an answer streams, with the words for screen readers. Memoized, as are
 * the author and the notes: their props stay the same while the answer's text grows.
 */
const AnsweringProgress = memo(function AnsweringProgress({
  label,
  empty,
}: {
  label: string;
  empty: boolean;
}) {
  return (
    <span className="acr-message__progress" data-empty={empty || undefined}>
      <span className="acr-message__dots" aria-hidden="true">
        <span />
        <span />
        <span />
      </span>
      <span className="acr-visually-hidden">{label}</span>
    </span>
  );
});

interface StatusNotesProps {
  status: ChatMessage["status"];
  truncated: boolean;
  labels: AgentChatLabels;
}

/** The notes under a message still queued, an answer the user stopped, or one the store cut. */
const StatusNotes = memo(function StatusNotes({ status, truncated, labels }: StatusNotesProps) {
  return (
    <>
      {status === "pending" && <p className="acr-message__note">{labels.messageQueued}</p>}
      {status === "stopped" && <p className="acr-message__note">{labels.messageStopped}</p>}
      {truncated && (
        <p className="acr-message__note acr-message__truncated">{labels.messageTruncated}</p>
      )}
    </>
  );
});

/** Why a failed message failed; a user message also offers Retry. */
function Failure({ message, labels }: { message: ChatMessage; labels: AgentChatLabels }) {
  const { chat, focusComposer } = useChatContext("Message");
  // Only user messages live in the outbox; an interrupted answer has nothing to resend.
  const isUser = message.role === "user";
  return (
    <div className="acr-message__error">
      <p className="acr-message__error-text">
        {isUser ? labels.messageFailed(message.error) : labels.answerFailed(message.error)}
      </p>
      {isUser && (
        <button
          type="button"
          className="acr-button acr-button--secondary acr-message__retry"
          onClick={() => {
            chat.retry(message.id);
            focusComposer();
          }}
        >
          {labels.retry}
        </button>
      )}
    </div>
  );
}

/** Roles `<AgentChat>` does not show: instructions to the model, not part of the conversation. */
const HIDDEN_ROLES: ReadonlySet<string> = new Set(["system", "developer"]);

/** Editing a user message in place; focus returns to Edit when the editor closes unsent. */
function useEditing() {
  const [editing, setEditing] = useState(false);
  const refocus = useRef(false);
  return {
    editing,
    open: () => setEditing(true),
    close: (sent: boolean) => {
      refocus.current = !sent;
      setEditing(false);
    },
    editRef: (element: HTMLButtonElement | null) => {
      if (!element || !refocus.current) return;
      refocus.current = false;
      element.focus();
    },
  };
}

/**
 * One message: its text, reasoning, tool calls and activities, an in-progress state while
 * streaming, Retry when it failed. `system` and `developer` messages draw nothing (use
 * `renderMessage` to show them).
 */
export const Message = memo(function Message(props: MessageProps) {
  return HIDDEN_ROLES.has(props.message.role) ? null : <ShownMessage {...props} />;
});

/** Who wrote a message: shown when the role's label is, and read first either way. */
const Author = memo(function Author({ label, name }: { label: string | boolean; name: string }) {
  return (
    <span className={label ? "acr-message__author" : "acr-visually-hidden"}>
      {typeof label === "string" ? label : name}
      <span className="acr-visually-hidden">: </span>
    </span>
  );
});

function ShownMessage({ message, className, renderPart }: MessageProps) {
  const { labels, markdown, maxDisplayChars, unpinScroll, roles } = useChatContext("Message");
  const isUser = message.role === "user";
  const role = isUser ? roles.user : roles.assistant;
  const streaming = message.status === "streaming";
  const parts = partsOf(message);
  const plan = useMemo(() => splitForDisplay(parts, maxDisplayChars), [parts, maxDisplayChars]);
  const { revealed, reveal, restRef } = useReveal(unpinScroll);
  const edit = useEditing();
  const finished = message.status !== "pending" && !streaming && message.role !== "activity";

  return (
    <article
      className={cx(
        "acr-message",
        isUser ? "acr-message--user" : "acr-message--assistant",
        message.role === "activity" && "acr-message--activity",
        className,
      )}
      data-status={message.status}
      aria-busy={streaming || undefined}
    >
      {/* Decoration (the name says who wrote it); empty for the built-in icon, drawn in CSS. */}
      {role.avatar !== false && (
        <span className="acr-message__avatar" aria-hidden="true">
          {role.avatar !== true && role.avatar}
        </span>
      )}
      <div className="acr-message__body">
        <Author label={role.label} name={isUser ? labels.userName : labels.assistantName} />
        {edit.editing ? (
          <MessageEditor message={message} onClose={edit.close} />
        ) : (
          <div className="acr-message__bubble">
            <MessageParts
              message={message}
              views={plan.parts}
              markdown={markdown}
              renderPart={renderPart}
              revealed={revealed}
              restRef={restRef}
            />
            {message.attachments && (
              <MessageAttachments attachments={message.attachments} label={labels.attachments} />
            )}
            {streaming && <AnsweringProgress label={labels.answering} empty={parts.length === 0} />}
            {plan.hiddenChars > 0 && !revealed && (
              <ShowAllButton label={labels.showAll(plan.total)} onClick={reveal} />
            )}
          </div>
        )}
        <StatusNotes status={message.status} truncated={!!message.truncated} labels={labels} />
        {message.status === "error" && <Failure message={message} labels={labels} />}
        {finished && !edit.editing && (
          <MessageActions message={message} onEdit={edit.open} editRef={edit.editRef} />
        )}
      </div>
    </article>
  );
}
