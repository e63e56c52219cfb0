import type { ReactNode } from "react";
import { parse, type ParsedLine } from "sugar-high/core";
import { lang, languages, type Language } from "sugar-high/lang";

// The lazily loaded half of code highlighting: `use-highlighter.ts` imports this module with
// `import()`, so an app's bundler puts it (and sugar-high) in a chunk of its own that only a
// fenced code block with a language fetches. sugar-high is a hand-written lexer, linear in the
// code, where regex-based highlighters backtrack on crafted input (see docs/chat.md and
// `bench/results/highlighter-choice.json`). Tokens become React elements, never HTML.

/** A highlight that took longer than this turns highlighting off for code as long or longer. */
const SLOW_HIGHLIGHT_MS = 50;
/**
 * Shorter code is never judged: the lexer gets through it in well under a millisecond, so a
 * slow reading there is the thread being paused (a busy device), not the code being costly.
 */
const JUDGED_FROM_CHARS = 2_000;
let slowFromChars = Number.POSITIVE_INFINITY;

const configs = new Map<string, Language["config"]>(languages.map((l) => [l.id, l.config]));

/** Token types shown in the code's own colour: no element for them. */
const PLAIN_TOKENS = new Set(["identifier", "space", "break"]);

/** The nodes of one line: plain strings, and a span per coloured token. */
function lineNodes(line: ParsedLine, lineIndex: number): ReactNode {
  const tokens = line.tokens.map((token, index) =>
    PLAIN_TOKENS.has(token.type) ? (
      token.value
    ) : (
      <span key={index} className={`acr-code__token acr-code__token--${token.type}`}>
        {token.value}
      </span>
    ),
  );
  // A diff line (added, removed, hunk header) is coloured as a whole.
  const annotation = line.annotations[0];
  return (
    <span key={lineIndex} className={annotation ? `acr-code__line--${annotation}` : undefined}>
      {tokens}
    </span>
  );
}

/**
 * `code` as React elements, one span per token with a class for its kind
 * (`acr-code__token--keyword`, `--string`, `--comment`, …), or `null` when `language` is not
 * one sugar-high knows (the code stays plain) or highlighting turned out slow for code this
 * long. The elements hold exactly the characters of `code`.
 */
export function highlightCode(code: string, language: string): ReactNode[] | null {
  const id = lang(language);
  if (id === undefined || id === "plaintext" || code.length >= slowFromChars) return null;
  const started = performance.now();
  const parsed = parse(code, configs.get(id));
  const nodes: ReactNode[] = [];
  parsed.lines.forEach((line, index) => {
    if (index > 0) nodes.push("\n");
    nodes.push(lineNodes(line, index));
  });
  const slow = performance.now() - started > SLOW_HIGHLIGHT_MS;
  if (slow && code.length >= JUDGED_FROM_CHARS) slowFromChars = code.length;
  return nodes;
}
