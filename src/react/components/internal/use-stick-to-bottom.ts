"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { MutableRef } from "../../mutable-ref";

/** How close to the bottom (px) still counts as "at the bottom". */
const BOTTOM_SLACK_PX = 32;

function prefersReducedMotion(): boolean {
  return (
    typeof window !== "undefined" &&
    !!window.matchMedia?.("(prefers-reduced-motion: reduce)").matches
  );
}

/**
 * Follows the user's scrolling of `scrollRef`: moving up unpins, coming back within
 * `BOTTOM_SLACK_PX` of the bottom pins again. `lastTopRef` keeps the last position seen.
 */
function useUnpinOnScrollUp(
  scrollRef: MutableRef<HTMLDivElement | null>,
  stuckRef: MutableRef<boolean>,
  lastTopRef: MutableRef<number>,
  setStuck: (value: boolean) => void,
): void {
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return;
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
    return () => scroller.removeEventListener("scroll", onScroll);
  }, [scrollRef, stuckRef, lastTopRef, setStuck]);
}

/**
 * While stuck, pins again whenever the scroller or its content changes size (a streaming
 * answer grows, the window resizes). Does nothing where there is no `ResizeObserver`.
 */
function usePinWhileResizing(
  scrollRef: MutableRef<HTMLDivElement | null>,
  contentRef: MutableRef<HTMLDivElement | null>,
  stuckRef: MutableRef<boolean>,
  pin: () => void,
): void {
  useEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      if (stuckRef.current) pin();
    });
    observer.observe(scroller);
    if (contentRef.current) observer.observe(contentRef.current);
    return () => observer.disconnect();
  }, [scrollRef, contentRef, stuckRef, pin]);
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

  /** Stops following the bottom, as a move up by the user does. */
  const unpin = useCallback(() => setStuck(false), [setStuck]);

  // Start at the latest message.
  useEffect(() => pin(), [pin]);
  useUnpinOnScrollUp(scrollRef, stuckRef, lastTopRef, setStuck);
  usePinWhileResizing(scrollRef, contentRef, stuckRef, pin);

  return { scrollRef, contentRef, stuck, scrollToBottom, syncPosition, unpin };
}
