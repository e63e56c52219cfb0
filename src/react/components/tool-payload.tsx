"use client";

import { useEffect, useMemo, useRef, useState } from "react";
import { useChatContext } from "./chat-context";
import { cutPoint } from "./internal/display-budget";
import { PlainText } from "./plain-text";

/** Longer payloads are shown as they came: parsing and printing them again costs too much. */
const PRETTY_PRINT_MAX_CHARS = 100_000;

/** Pretty-prints JSON text; anything else (or JSON still streaming in) is shown as it is. */
export function formatToolPayload(payload: string): string {
  const trimmed = payload.trim();
  if (!trimmed) return "";
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return payload;
  }
}

/**
 * Arguments or a result: up to the chat's `maxDisplayChars`, the rest behind "Show all"
 * (then in pieces laid out near the viewport only, like long messages).
 */
export function ToolPayload({ payload }: { payload: string }) {
  const { labels, maxDisplayChars } = useChatContext("ToolCall");
  const [all, setAll] = useState(false);
  const restRef = useRef<HTMLDivElement | null>(null);
  const text = useMemo(
    () => (payload.length > PRETTY_PRINT_MAX_CHARS ? payload : formatToolPayload(payload)),
    [payload],
  );
  const cut = cutPoint(text, maxDisplayChars);
  useEffect(() => {
    if (all) restRef.current?.focus({ preventScroll: true });
  }, [all]);
  return (
    <>
      <pre className="acr-tool-call__payload">
        <code>{cut < text.length ? text.slice(0, cut) : text}</code>
      </pre>
      {cut < text.length &&
        (all ? (
          <div ref={restRef} className="acr-tool-call__payload acr-message__rest" tabIndex={-1}>
            <PlainText text={text.slice(cut)} />
          </div>
        ) : (
          <button
            type="button"
            className="acr-button acr-button--ghost acr-message__show-all"
            onClick={() => setAll(true)}
          >
            {labels.showAll(text.length)}
          </button>
        ))}
    </>
  );
}
