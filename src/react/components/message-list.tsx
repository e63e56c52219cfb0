"use client";

import { memo, useCallback, useRef, type ReactNode } from "react";
import { useChatMessage } from "./behaviour/use-chat-message";
import { useMessageList } from "./behaviour/use-message-list";
import { useChatContext } from "./chat-context";
import { EmptyState } from "./empty-state";
import { cx } from "./internal/cx";
import { Message } from "./message";
import type { RenderMessage } from "./types";

/** Props of {@link MessageList}. */
export interface MessageListProps {
  className?: string;
  /** Draws a message instead of the built-in {@link Message}. */
  renderMessage?: RenderMessage;
  /** Shown while the conversation has no messages. Default: {@link EmptyState}; `null` for nothing. */
  emptyState?: ReactNode;
  /**
   * How many of the latest messages are rendered at first; scrolling to the top (or the
   * "show earlier" button) renders this many more. Keeps long threads fast. Default 100.
   */
  pageSize?: number;
}

interface RowProps {
  id: string;
  index: number;
  renderMessage: RenderMessage | undefined;
}

/** One row: subscribes to its own message only, so chunks of other messages never re-render it. */
const MessageRow = memo(function MessageRow({ id, index, renderMessage }: RowProps) {
  const message = useChatMessage(id, index);
  if (!message) return null;
  if (!renderMessage) return <Message message={message} />;
  return (
    <>{renderMessage(message, { index, renderDefault: () => <Message message={message} /> })}</>
  );
});

/**
 * `renderMessage` is often an inline function of a component that re-renders with every chunk;
 * rows must not all re-render for that, so they get a stable function calling the latest one.
 */
function useLatestRenderer(renderMessage: RenderMessage | undefined): RenderMessage | undefined {
  const latest = useRef(renderMessage);
  latest.current = renderMessage;
  const stable = useCallback<RenderMessage>(
    (message, context) => latest.current?.(message, context),
    [],
  );
  return renderMessage ? stable : undefined;
}

/**
 * The conversation as a `role="log"`: renders the latest messages, sticks to the bottom while an
 * answer streams unless the user scrolled up, then offers "Jump to latest". Its behaviour is
 * {@link useMessageList}.
 */
export function MessageList({ className, renderMessage, emptyState, pageSize }: MessageListProps) {
  const { labels } = useChatContext("MessageList");
  const list = useMessageList({ pageSize });
  const rowRenderer = useLatestRenderer(renderMessage);
  return (
    <div className={cx("acr-message-list", className)}>
      <div
        ref={list.scrollRef}
        className="acr-message-list__scroller"
        role="log"
        aria-live="off"
        aria-label={labels.messageList}
        tabIndex={0}
      >
        <div ref={list.contentRef} className="acr-message-list__content">
          {list.hasEarlier && (
            <button
              ref={list.earlierRef}
              type="button"
              className="acr-button acr-button--ghost acr-message-list__earlier"
              onClick={list.showEarlier}
            >
              {labels.showEarlier}
            </button>
          )}
          {list.total === 0 && (emptyState === undefined ? <EmptyState /> : emptyState)}
          {list.ids.map((id, offset) => (
            <MessageRow
              key={id}
              id={id}
              index={list.firstIndex + offset}
              renderMessage={rowRenderer}
            />
          ))}
        </div>
      </div>
      {!list.stuck && (
        <button
          type="button"
          className="acr-button acr-message-list__jump"
          onClick={list.jumpToLatest}
        >
          {labels.jumpToLatest}
        </button>
      )}
    </div>
  );
}
