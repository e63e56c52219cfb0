"use client";

import { forwardRef, useImperativeHandle, useRef } from "react";

/** Imperative handle of {@link LiveAnnouncer}. */
export interface LiveAnnouncerHandle {
  announce(text: string): void;
}

/**
 * A visually hidden polite live region. Each announcement replaces the previous one as a new
 * node, so screen readers speak it even when the text repeats; React never re-renders for it.
 */
export const LiveAnnouncer = forwardRef<LiveAnnouncerHandle>(function LiveAnnouncer(_props, ref) {
  const regionRef = useRef<HTMLDivElement | null>(null);
  useImperativeHandle(
    ref,
    () => ({
      announce(text: string) {
        const region = regionRef.current;
        if (!region) return;
        const line = region.ownerDocument.createElement("p");
        line.textContent = text;
        region.replaceChildren(line);
      },
    }),
    [],
  );
  return (
    <div
      ref={regionRef}
      className="acr-visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
    />
  );
});
