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
}

/** Turns the `markdown` prop into options, or `null` for plain text. */
export function normalizeMarkdown(
  markdown: boolean | MarkdownOptions | undefined,
): MarkdownOptions | null {
  if (!markdown) return null;
  return markdown === true ? {} : markdown;
}

/** Equal when both turn markdown on with the same plugins (arrays compared item by item). */
export function sameMarkdown(a: MarkdownOptions | null, b: MarkdownOptions | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const pa = a.remarkPlugins ?? [];
  const pb = b.remarkPlugins ?? [];
  return pa.length === pb.length && pa.every((plugin, i) => plugin === pb[i]);
}
