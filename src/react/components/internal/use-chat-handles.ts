import { useMemo, useRef } from "react";
import type { ChatContextValue } from "../chat-context";

/** The parts of the chat context that reach the composer and the message list by ref. */
export type ChatHandles = Pick<
  ChatContextValue,
  "registerComposer" | "focusComposer" | "scrollToLatest" | "unpinScroll" | "registerScroller"
>;

/** Stable handles for the composer (focus) and the list (scroll), for the life of the chat. */
export function useChatHandles(): ChatHandles {
  const composer = useRef<HTMLTextAreaElement | null>(null);
  const scroller = useRef<{ toLatest: () => void; unpin?: () => void } | null>(null);
  return useMemo(
    () => ({
      registerComposer: (element) => {
        composer.current = element;
      },
      focusComposer: () => {
        const input = composer.current;
        if (input && !input.disabled) input.focus();
      },
      scrollToLatest: () => scroller.current?.toLatest(),
      unpinScroll: () => scroller.current?.unpin?.(),
      registerScroller: (scroll, unpin) => {
        scroller.current = scroll ? { toLatest: scroll, unpin } : null;
      },
    }),
    [],
  );
}
