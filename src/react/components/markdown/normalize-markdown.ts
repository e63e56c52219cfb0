import { numberOption } from "../../../core/number-option";
import type { MarkdownOptions } from "./markdown-options";

// Kept apart from `markdown-options.ts`, which the lazily loaded markdown module imports too:
// the option checks (and the core modules they use) stay in the eagerly loaded code only.

/**
 * Turns the `markdown` prop into options, or `null` for plain text.
 *
 * @throws {AgentRuntimeValidationError} for an invalid `maxChars`.
 */
export function normalizeMarkdown(
  markdown: boolean | MarkdownOptions | undefined,
): MarkdownOptions | null {
  if (!markdown) return null;
  if (markdown === true) return {};
  if (markdown.maxChars !== undefined) {
    numberOption("markdown.maxChars", markdown.maxChars, "a whole number >= 1");
  }
  return markdown;
}

/** Equal when both turn markdown on with the same plugins (arrays compared item by item). */
export function sameMarkdown(a: MarkdownOptions | null, b: MarkdownOptions | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.maxChars !== b.maxChars) return false;
  const pa = a.remarkPlugins ?? [];
  const pb = b.remarkPlugins ?? [];
  return pa.length === pb.length && pa.every((plugin, i) => plugin === pb[i]);
}
