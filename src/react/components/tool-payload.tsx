"use client";

import { useMemo } from "react";
import { useChatContext } from "./chat-context";
import { cutPoint } from "./internal/display-budget";
import { ShowAllButton, useReveal } from "./internal/show-all";
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
  const { revealed, reveal, restRef } = useReveal();
  const text = useMemo(
    () => (payload.length > PRETTY_PRINT_MAX_CHARS ? payload : formatToolPayload(payload)),
    [payload],
  );
  const cut = cutPoint(text, maxDisplayChars);
  return (
    <>
      <pre className="acr-tool-call__payload">
        <code>{cut < text.length ? text.slice(0, cut) : text}</code>
      </pre>
      {cut < text.length &&
        (revealed ? (
          <div ref={restRef} className="acr-tool-call__payload acr-message__rest" tabIndex={-1}>
            <PlainText text={text.slice(cut)} />
          </div>
        ) : (
          <ShowAllButton label={labels.showAll(text.length)} onClick={reveal} />
        ))}
    </>
  );
}
