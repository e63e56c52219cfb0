"use client";

import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ReactNode,
} from "react";
import type { ConversationState } from "../../store/types";
import { useChatContext } from "./chat-context";
import { EmptyState } from "./empty-state";
import { cx } from "./internal/cx";
import { selectLastMessageIds, selectMessageAt } from "./internal/message-selectors";
import { useStickToBottom } from "./internal/use-stick-to-bottom";
import { shallowArrayEqual, useStoreSelection } from "./internal/use-store-selection";
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

interface ListView {
  total: number;
  ids: string[];
}

function sameView(a: ListView, b: ListView): boolean {
  return a.total === b.total && shallowArrayEqual(a.ids, b.ids);
}

interface RowProps {
  id: string;
  index: number;
  renderMessage: RenderMessage | undefined;
}

/** One row: subscribes to its own message only, so chunks of other messages never re-render it. */
const MessageRow = memo(function MessageRow({ id, index, renderMessage }: RowProps) {
  const { chat } = useChatContext("MessageList");
  const selectMessage = useCallback(
    (state: ConversationState) => selectMessageAt(state, id, index),
    [id, index],
  );
  const message = useStoreSelection(chat.store, selectMessage);
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
    (message, context) => latest.current!(message, context),
    [],
  );
  return renderMessage ? stable : undefined;
}

/**
 * The conversation as a `role="log"`: renders the latest messages, sticks to the bottom while an
 * answer streams unless the user scrolled up, then offers "Jump to latest".
 */
export function MessageList({
  className,
  renderMessage,
  emptyState,
  pageSize = 100,
}: MessageListProps) {
  const { chat, labels, registerScroller, focusComposer } = useChatContext("MessageList");
  const [limit, setLimit] = useState(pageSize);
  const selectView = useCallback(
    (state: ConversationState): ListView => ({
      total: state.messages.length,
      ids: selectLastMessageIds(state, limit),
    }),
    [limit],
  );
  const view = useStoreSelection(chat.store, selectView, sameView);
  const rowRenderer = useLatestRenderer(renderMessage);
  const { scrollRef, contentRef, stuck, scrollToBottom, syncPosition } = useStickToBottom();
  const hiddenCount = view.total - view.ids.length;
  const firstIndex = hiddenCount;
  const hasEarlier = hiddenCount > 0;

  useEffect(() => {
    registerScroller(() => scrollToBottom(false));
    return () => registerScroller(null);
  }, [registerScroller, scrollToBottom]);

  // Rendering earlier messages adds height above: keep what the user is looking at in place.
  const beforeGrow = useRef<{ height: number; top: number } | null>(null);
  const showEarlier = useCallback(() => {
    const scroller = scrollRef.current;
    if (scroller) beforeGrow.current = { height: scroller.scrollHeight, top: scroller.scrollTop };
    setLimit((current) => current + pageSize);
  }, [pageSize, scrollRef]);
  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    const before = beforeGrow.current;
    beforeGrow.current = null;
    if (!scroller || !before) return;
    scroller.scrollTop = before.top + (scroller.scrollHeight - before.height);
    // Scroll events coalesce: a jump to the top may never have been seen as "moving up".
    syncPosition();
  }, [limit, scrollRef, syncPosition]);

  // Scrolling up to the "show earlier" button renders more, like an endless history.
  const earlierRef = useRef<HTMLButtonElement | null>(null);
  useEffect(() => {
    const target = earlierRef.current;
    const root = scrollRef.current;
    if (!target || !root || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) showEarlier();
      },
      { root },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [hasEarlier, showEarlier, scrollRef]);

  return (
    <div className={cx("acr-message-list", className)}>
      <div
        ref={scrollRef}
        className="acr-message-list__scroller"
        role="log"
        aria-live="off"
        aria-label={labels.messageList}
        tabIndex={0}
      >
        <div ref={contentRef} className="acr-message-list__content">
          {hasEarlier && (
            <button
              ref={earlierRef}
              type="button"
              className="acr-button acr-button--ghost acr-message-list__earlier"
              onClick={showEarlier}
            >
              {labels.showEarlier}
            </button>
          )}
          {view.total === 0 && (emptyState === undefined ? <EmptyState /> : emptyState)}
          {view.ids.map((id, offset) => (
            <MessageRow key={id} id={id} index={firstIndex + offset} renderMessage={rowRenderer} />
          ))}
        </div>
      </div>
      {!stuck && (
        <button
          type="button"
          className="acr-button acr-message-list__jump"
          onClick={() => {
            scrollToBottom(true);
            focusComposer();
          }}
        >
          {labels.jumpToLatest}
        </button>
      )}
    </div>
  );
}
