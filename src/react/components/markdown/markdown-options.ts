/**
 * A unified plugin as `react-markdown` takes it: the plugin function, or `[plugin, options]`.
 * Typed structurally so this package does not depend on unified's types; unified checks each
 * plugin when it applies it (one that throws leaves its block as text).
 */
export type MarkdownPlugin =
  ((...args: never[]) => unknown) | readonly [(...args: never[]) => unknown, ...unknown[]];

/**
 * Options for agent markdown. Whatever the plugins do, their output is sanitized after the
 * last of them: raw HTML stays text, and only an allow-list of elements and attributes
 * (markdown's, GFM's and KaTeX's) reaches the page (see `docs/chat.md`).
 */
export interface MarkdownOptions {
  /**
   * remark plugins, e.g. `[remarkGfm]` (from `remark-gfm`) for tables, strikethrough, task
   * lists and bare links, or `remarkMath` (from `remark-math`) for `$…$` and `$$…$$`.
   */
  remarkPlugins?: readonly MarkdownPlugin[];
  /**
   * rehype plugins, run on the HTML tree after the remark ones and before the sanitizer, e.g.
   * `[[rehypeKatex, { maxSize: 10, maxExpand: 100 }]]` (from `rehype-katex`) to typeset the
   * math `remark-math` finds.
   */
  rehypePlugins?: readonly MarkdownPlugin[];
  /**
   * Longest text parsed as markdown, in characters; a longer one is shown as plain text. Below
   * it, the text is parsed block by block, and a block too long or with too many brackets,
   * emphasis marks, backticks or nested lists and quotes is shown as text on its own (see
   * `docs/chat.md`). A whole number >= 1, default 50,000.
   */
  maxChars?: number;
}

/** Default `maxChars` of {@link MarkdownOptions}. */
export const DEFAULT_MARKDOWN_MAX_CHARS = 50_000;

/** Whether `text` is too long to be parsed as markdown at all. */
export function markdownTooLong(
  text: string,
  options: MarkdownOptions | null | undefined,
): boolean {
  return text.length > (options?.maxChars ?? DEFAULT_MARKDOWN_MAX_CHARS);
}
