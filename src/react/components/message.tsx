"use client";

import { memo, type ReactNode } from "react";
import type { ChatMessage, MessagePart } from "../../store/types";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";
import type { AgentChatLabels } from "./labels";
import { LazyMarkdown } from "./markdown/lazy-markdown";
import type { MarkdownOptions } from "./markdown/markdown-options";
import { PlainText } from "./plain-text";
import { ActivityView } from "./activity-view";
import { ReasoningView } from "./reasoning-view";
import { ToolCall } from "./tool-call";

/** Props of {@link Message}. */
export interface MessageProps {
  message: ChatMessage;
  className?: string;
  /** Replaces how one part (text or tool call) is drawn; return `undefined` to keep the default. */
  renderPart?: (part: MessagePart, index: number, message: ChatMessage) => ReactNode | undefined;
}

/** What a message shows: its parts, or its text as one part when it has none. */
function partsOf(message: ChatMessage): readonly MessagePart[] {
  if (message.parts.length > 0) return message.parts;
  return message.text ? [{ type: "text", text: message.text }] : [];
}

interface MessagePartsProps {
  message: ChatMessage;
  parts: readonly MessagePart[];
  markdown: MarkdownOptions | null;
  renderPart: MessageProps["renderPart"];
}

/** Whether answer text follows the part at `index`. */
function textAfter(parts: readonly MessagePart[], index: number): boolean {
  return parts.slice(index + 1).some((part) => part.type === "text" && part.text !== "");
}

/**
 * The parts in order: reasoning, tool calls, activities and text (markdown for the agent when
 * it is on).
 */
function MessageParts({ message, parts, markdown, renderPart }: MessagePartsProps) {
  const isUser = message.role === "user";
  const drawPart = (part: MessagePart, index: number): ReactNode => {
    const custom = renderPart?.(part, index, message);
    if (custom !== undefined) return custom;
    if (part.type === "tool-call") return <ToolCall key={part.toolCallId} call={part} />;
    if (part.type === "activity") return <ActivityView key={index} part={part} />;
    if (part.type === "reasoning") {
      return <ReasoningView key={index} part={part} answerStarted={textAfter(parts, index)} />;
    }
    if (!part.text) return null;
    return markdown && !isUser ? (
      <LazyMarkdown key={index} text={part.text} options={markdown} />
    ) : (
      <PlainText key={index} text={part.text} />
    );
  };
  return parts.map((part, index) => drawPart(part, index));
}

/** The dots shown while an answer streams, with the words for screen readers. */
function AnsweringProgress({ label, empty }: { label: string; empty: boolean }) {
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
}

/** The note under a message still queued or an answer the user stopped; nothing otherwise. */
function StatusNote({ message, labels }: { message: ChatMessage; labels: AgentChatLabels }) {
  if (message.status === "pending") {
    return <p className="acr-message__note">{labels.messageQueued}</p>;
  }
  if (message.status === "stopped") {
    return <p className="acr-message__note">{labels.messageStopped}</p>;
  }
  return null;
}

interface FailureProps {
  message: ChatMessage;
  labels: AgentChatLabels;
  onRetry: () => void;
}

/** Why a failed message failed; a user message also offers Retry. */
function Failure({ message, labels, onRetry }: FailureProps) {
  if (message.role !== "user") {
    return (
      <div className="acr-message__error">
        <p className="acr-message__error-text">{labels.answerFailed(message.error)}</p>
      </div>
    );
  }
  return (
    <div className="acr-message__error">
      <p className="acr-message__error-text">{labels.messageFailed(message.error)}</p>
      <button
        type="button"
        className="acr-button acr-button--secondary acr-message__retry"
        onClick={onRetry}
      >
        {labels.retry}
      </button>
    </div>
  );
}

/** Roles `<AgentChat>` does not show: instructions to the model, not part of the conversation. */
const HIDDEN_ROLES: ReadonlySet<string> = new Set(["system", "developer"]);

/**
 * One message: its text, reasoning, tool calls and activities, an in-progress state while
 * streaming, Retry when it failed. `system` and `developer` messages draw nothing (use
 * `renderMessage` to show them).
 */
export const Message = memo(function Message({ message, className, renderPart }: MessageProps) {
  const { labels, markdown, chat, focusComposer } = useChatContext("Message");
  if (HIDDEN_ROLES.has(message.role)) return null;
  const isUser = message.role === "user";
  const streaming = message.status === "streaming";
  const parts = partsOf(message);
  const retry = () => {
    // Only user messages live in the outbox; an interrupted answer has nothing to resend.
    chat.retry(message.id);
    focusComposer();
  };

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
      <div className="acr-message__bubble">
        <span className="acr-visually-hidden">
          {isUser ? labels.userName : labels.assistantName}:{" "}
        </span>
        <MessageParts message={message} parts={parts} markdown={markdown} renderPart={renderPart} />
        {streaming && <AnsweringProgress label={labels.answering} empty={parts.length === 0} />}
      </div>
      <StatusNote message={message} labels={labels} />
      {message.status === "error" && <Failure message={message} labels={labels} onRetry={retry} />}
    </article>
  );
});
