/**
 * What a code block may hold and still be highlighted; past any of these it shows as plain
 * text. Highlighting runs on the main thread while the chat renders, so its cost must stay
 * bounded whatever an agent sends: about 10 ms for the largest code allowed in Node on a
 * loaded 2-core machine (`bench/results/highlighter-choice.json`).
 */
export const HIGHLIGHT_LIMITS = {
  /** Characters in the code. */
  chars: 20_000,
  /** Lines in the code. */
  lines: 1_000,
  /** Characters in its longest line (a minified bundle, a crafted run of one character). */
  lineChars: 1_000,
} as const;

/** Whether `code` is small enough to highlight (linear in its length). */
export function highlightable(code: string): boolean {
  if (code.length > HIGHLIGHT_LIMITS.chars) return false;
  let lines = 1;
  let lineStart = 0;
  for (let index = code.indexOf("\n"); index !== -1; index = code.indexOf("\n", index + 1)) {
    if (index - lineStart > HIGHLIGHT_LIMITS.lineChars) return false;
    lines += 1;
    lineStart = index + 1;
  }
  return lines <= HIGHLIGHT_LIMITS.lines && code.length - lineStart <= HIGHLIGHT_LIMITS.lineChars;
}
