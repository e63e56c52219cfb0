"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/**
 * "Show all": whether the user asked for the whole text, and the ref where the revealed text
 * starts. Revealing calls `onReveal` (a message unpins the list from the bottom: the text grows
 * below what the user reads) and moves focus to the revealed text, so reading goes on from the
 * cut.
 */
export function useReveal(onReveal?: () => void) {
  const [revealed, setRevealed] = useState(false);
  const restRef = useRef<HTMLDivElement | null>(null);
  // Only the user's press moves focus, not an effect that runs again later.
  const focusRest = useRef(false);
  const reveal = useCallback(() => {
    onReveal?.();
    focusRest.current = true;
    setRevealed(true);
  }, [onReveal]);
  useEffect(() => {
    if (!revealed || !focusRest.current) return;
    focusRest.current = false;
    restRef.current?.focus({ preventScroll: true });
  }, [revealed]);
  return { revealed, reveal, restRef };
}

/** Reveals the rest of a text cut at the chat's `maxDisplayChars`. */
export function ShowAllButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button
      type="button"
      className="acr-button acr-button--ghost acr-message__show-all"
      onClick={onClick}
    >
      {label}
    </button>
  );
}
