"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** How close to the bottom (px) still counts as "at the bottom". */
const BOTTOM_SLACK_PX = 32;

function prefersReducedMotion(): boolean {
  return (
    typeof window !== "undefined" &&
    !!window.matchMedia?.("(prefers-reduced-motion: reduce)").matches
  );
}

/**
 * Keeps a scroll container pinned to its bottom while its content grows (a streaming answer),
 * until the user scrolls up; `stuck` is false from then until they come back down.
 */
export function useStickToBottom() {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const contentRef = useRef<HTMLDivElement | null>(null);
  const stuckRef = useRef(true);
  const lastTopRef = useRef(0);
  const [stuck, setStuckState] = useState(true);

  const setStuck = useCallback((value: boolean) => {
    stuckRef.current = value;
    setStuckState(value);
  }, []);

  const pin = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    scroller.scrollTop = scroller.scrollHeight;
    lastTopRef.current = scroller.scrollTop;
  }, []);

  const scrollToBottom = useCallback(
    (smooth = false) => {
      const scroller = scrollRef.current;
      setStuck(true);
      if (!scroller) return;
      if (smooth && !prefersReducedMotion() && typeof scroller.scrollTo === "function") {
        scroller.scrollTo({ top: scroller.scrollHeight, behavior: "smooth" });
      } else {
        pin();
      }
    },
    [pin, setStuck],
  );

  /** Re-reads the position after the caller moved the scroll position itself. */
  const syncPosition = useCallback(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    lastTopRef.current = scroller.scrollTop;
    setStuck(distance <= BOTTOM_SLACK_PX);
  }, [setStuck]);

  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
    pin();
    const onScroll = () => {
      const distance = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
      if (distance <= BOTTOM_SLACK_PX) {
        if (!stuckRef.current) setStuck(true);
      } else if (scroller.scrollTop < lastTopRef.current - 1 && stuckRef.current) {
        // Only a move up unpins: growth below and smooth scrolling down never do.
        setStuck(false);
      }
      lastTopRef.current = scroller.scrollTop;
    };
    scroller.addEventListener("scroll", onScroll, { passive: true });
    let observer: ResizeObserver | undefined;
    if (typeof ResizeObserver !== "undefined") {
      observer = new ResizeObserver(() => {
        if (stuckRef.current) pin();
      });
      observer.observe(scroller);
      if (contentRef.current) observer.observe(contentRef.current);
    }
    return () => {
      scroller.removeEventListener("scroll", onScroll);
      observer?.disconnect();
    };
  }, [pin, setStuck]);

  return { scrollRef, contentRef, stuck, scrollToBottom, syncPosition };
}
