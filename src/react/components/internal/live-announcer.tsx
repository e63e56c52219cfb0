"use client";

import type { MutableRef } from "../../mutable-ref";

/**
 * Says `text` through a {@link LiveAnnouncer}'s region. Each announcement replaces the previous
 * one as a new node, so screen readers speak it even when the text repeats; React never
 * re-renders for it.
 */
export function announceIn(region: HTMLElement | null, text: string): void {
  if (!region) return;
  const line = region.ownerDocument.createElement("p");
  line.textContent = text;
  region.replaceChildren(line);
}

/** A visually hidden polite live region, for {@link announceIn}. */
export function LiveAnnouncer({ regionRef }: { regionRef: MutableRef<HTMLDivElement | null> }) {
  return (
    <div
      ref={regionRef}
      className="acr-visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
    />
  );
}
