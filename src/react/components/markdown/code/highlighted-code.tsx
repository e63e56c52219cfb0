import { useMemo } from "react";
import { highlightable } from "./highlight-limits";
import { useHighlighter } from "./use-highlighter";

/**
 * The code of a block: plain text until the highlighter has loaded (and for good when it
 * cannot load, the language is unknown or the code is past the limits), then the same text
 * in coloured token spans. Only colours change, so nothing moves when they arrive. Marked
 * `data-highlighted` once coloured, `data-highlight-skipped` when the loaded highlighter left it
 * plain (a language it does not know, or code as long as one that highlighted slowly).
 */
export function HighlightedCode({ code, language }: { code: string; language: string | null }) {
  const wanted = language !== null && highlightable(code);
  const highlighter = useHighlighter(wanted);
  const tokens = useMemo(
    () => (highlighter && language ? highlighter.highlightCode(code, language) : null),
    [highlighter, code, language],
  );
  return (
    <code
      className={language ? `language-${language}` : undefined}
      data-highlighted={tokens ? "" : undefined}
      data-highlight-skipped={highlighter && !tokens ? "" : undefined}
    >
      {tokens ?? code}
    </code>
  );
}
