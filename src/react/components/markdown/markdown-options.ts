/**
 * Options for agent markdown. Only remark (markdown-level) plugins are accepted: raw HTML is
 * never turned into elements, whatever the plugins do.
 */
export interface MarkdownOptions {
  /**
   * remark plugins, e.g. `[remarkGfm]` (from `remark-gfm`) for tables, strikethrough, task
   * lists and bare links. Typed loosely so this package does not depend on unified's types.
   */
  remarkPlugins?: readonly unknown[];
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
