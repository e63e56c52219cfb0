"use client";

import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import type { ConversationState } from "../../../store/types";
import { useConversation } from "../../use-conversation";
import { useChatContext } from "../chat-context";
import { selectLastMessageIds } from "../internal/message-selectors";
import { shallowArrayEqual } from "../internal/shallow-array-equal";
import { useStickToBottom } from "../internal/use-stick-to-bottom";
import type { MutableRef } from "../../mutable-ref";

/** Options of {@link useMessageList}. */
export interface UseMessageListOptions {
  /** How many of the latest messages render at first, and how many more each time. Default 100. */
  pageSize?: number;
}

/** The message list's behaviour, for a list of your own. */
export interface MessageListBehaviour {
  /** Ids of the messages to render (the latest page), in order. */
  ids: readonly string[];
  /** All messages in the conversation. */
  total: number;
  /** Position of `ids[0]` in the conversation. */
  firstIndex: number;
  /** Whether earlier messages are not rendered yet. */
  hasEarlier: boolean;
  /** Renders one more page of earlier messages, keeping the reading position. */
  showEarlier(): void;
  /** For the scroll container: it sticks to the bottom while answers stream. */
  scrollRef: MutableRef<HTMLDivElement | null>;
  /** For the content inside the scroll container. */
  contentRef: MutableRef<HTMLDivElement | null>;
  /** For the "show earlier" control: scrolling it into view shows more (like endless history). */
  earlierRef: MutableRef<HTMLButtonElement | null>;
  /** False once the user scrolled up; offer "Jump to latest" then. */
  stuck: boolean;
  /** Scrolls to the latest message and sticks there again, focusing the composer. */
  jumpToLatest(): void;
}

interface ListView {
  total: number;
  ids: string[];
}

function sameView(a: ListView, b: ListView): boolean {
  return a.total === b.total && shallowArrayEqual(a.ids, b.ids);
}

/** Rendering earlier messages adds height above: keep what the user is looking at in place. */
function useShowEarlier(
  pageSize: number,
  scrollRef: MutableRef<HTMLDivElement | null>,
  syncPosition: () => void,
) {
  const [limit, setLimit] = useState(pageSize);
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
  return { limit, showEarlier };
}

/** Shows more when the "show earlier" control scrolls into view. */
function useRevealEarlier(
  earlierRef: MutableRef<HTMLButtonElement | null>,
  scrollRef: MutableRef<HTMLDivElement | null>,
  hasEarlier: boolean,
  showEarlier: () => void,
): void {
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
  }, [earlierRef, scrollRef, hasEarlier, showEarlier]);
}

/**
 * The message list's behaviour: the latest page of message ids (work per update stays
 * constant on long threads), more on demand with the reading position kept, and sticking to
 * the bottom while an answer streams unless the user scrolled up. Use inside `<AgentChat>`.
 */
export function useMessageList({
  pageSize = 100,
}: UseMessageListOptions = {}): MessageListBehaviour {
  const { chat, registerScroller, focusComposer } = useChatContext("MessageList");
  const { scrollRef, contentRef, stuck, scrollToBottom, syncPosition, unpin } = useStickToBottom();
  const { limit, showEarlier } = useShowEarlier(pageSize, scrollRef, syncPosition);
  const selectView = useCallback(
    (state: ConversationState<unknown>): ListView => ({
      total: state.messages.length,
      ids: selectLastMessageIds(state, limit),
    }),
    [limit],
  );
  const view = useConversation(chat, selectView, sameView);
  const hasEarlier = view.total > view.ids.length;
  const earlierRef = useRef<HTMLButtonElement | null>(null);
  useRevealEarlier(earlierRef, scrollRef, hasEarlier, showEarlier);
  useEffect(() => {
    registerScroller(() => scrollToBottom(false), unpin);
    return () => registerScroller(null);
  }, [registerScroller, scrollToBottom, unpin]);
  return {
    ids: view.ids,
    total: view.total,
    firstIndex: view.total - view.ids.length,
    hasEarlier,
    showEarlier,
    scrollRef,
    contentRef,
    earlierRef,
    stuck,
    jumpToLatest: () => {
      scrollToBottom(true);
      focusComposer();
    },
  };
}
