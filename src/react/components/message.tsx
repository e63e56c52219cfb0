"use client";

import { memo, type ReactNode } from "react";
import type { ChatMessage, MessagePart } from "../../store/types";
import { useChatContext } from "./chat-context";
import { cx } from "./internal/cx";
import { LazyMarkdown } from "./markdown/lazy-markdown";
import { PlainText } from "./plain-text";
import { ToolCall } from "./tool-call";

/** Props of {@link Message}. */
export interface MessageProps {
  message: ChatMessage;
  className?: string;
  /** Replaces how one part (text or tool call) is drawn; return `undefined` to keep the default. */
  renderPart?: (part: MessagePart, index: number, message: ChatMessage) => ReactNode | undefined;
}

/** One message: its text and tool calls, an in-progress state while streaming, Retry when it failed. */
export const Message = memo(function Message({ message, className, renderPart }: MessageProps) {
  const { labels, markdown, chat, focusComposer } = useChatContext("Message");
  const isUser = message.role === "user";
  const streaming = message.status === "streaming";
  const parts: readonly MessagePart[] =
    message.parts.length > 0
      ? message.parts
      : message.text
        ? [{ type: "text", text: message.text }]
        : [];

  const drawPart = (part: MessagePart, index: number): ReactNode => {
    const custom = renderPart?.(part, index, message);
    if (custom !== undefined) return custom;
    if (part.type === "tool-call") return <ToolCall key={part.toolCallId} call={part} />;
    if (!part.text) return null;
    return markdown && !isUser ? (
      <LazyMarkdown key={index} text={part.text} options={markdown} />
    ) : (
      <PlainText key={index} text={part.text} />
    );
  };

  return (
    <article
      className={cx(
        "acr-message",
        isUser ? "acr-message--user" : "acr-message--assistant",
        className,
      )}
      data-status={message.status}
      aria-busy={streaming || undefined}
    >
      <div className="acr-message__bubble">
        <span className="acr-visually-hidden">
          {isUser ? labels.userName : labels.assistantName}:{" "}
        </span>
        {parts.map((part, index) => drawPart(part, index))}
        {streaming && (
          <span className="acr-message__progress" data-empty={parts.length === 0 || undefined}>
            <span className="acr-message__dots" aria-hidden="true">
              <span />
              <span />
              <span />
            </span>
            <span className="acr-visually-hidden">{labels.answering}</span>
          </span>
        )}
      </div>
      {message.status === "pending" && <p className="acr-message__note">{labels.messageQueued}</p>}
      {message.status === "stopped" && <p className="acr-message__note">{labels.messageStopped}</p>}
      {message.status === "error" && (
        <div className="acr-message__error">
          <p className="acr-message__error-text">{labels.messageFailed(message.error)}</p>
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
        </div>
      )}
    </article>
  );
});
