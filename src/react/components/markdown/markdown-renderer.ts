import type { ComponentType } from "react";
import { invalidOption } from "../../../core/option-checks";
import type { MarkdownOptions } from "./markdown-options";

// The contract between `<AgentChat>` (main entry) and `agentcore-react/markdown`. The main
// entry knows only this shape: it never imports the markdown module, so a bundler building an
// app that does not ask for markdown never has to resolve `react-markdown`.

/** What {@link MarkdownRenderer.kind} always is: tells a renderer from any other value. */
export const MARKDOWN_RENDERER_KIND = "agentcore-react/markdown";

/** Props of the component a {@link MarkdownRenderer} loads. */
export interface MarkdownTextProps {
  /** Agent text, rendered as sanitized markdown. */
  text: string;
  /** Remark plugins and `maxChars`. */
  options?: MarkdownOptions | null;
}

/**
 * Renders agent text as sanitized markdown in `<AgentChat markdown={…}>` and `LazyMarkdown`.
 * Made by `markdown` from `agentcore-react/markdown` (`markdown` itself, or
 * `markdown({ remarkPlugins })`); the chat calls `load` on first use.
 */
export interface MarkdownRenderer {
  /** Always `"agentcore-react/markdown"`. */
  readonly kind: typeof MARKDOWN_RENDERER_KIND;
  /** The options it renders with (plugins, `maxChars`), checked when it was made. */
  readonly options: Readonly<MarkdownOptions>;
  /** What tells it from another renderer: `maxChars` and the plugins, in order. */
  readonly identity: readonly unknown[];
  /** Loads the component that renders the markdown (`react-markdown` and the guards). */
  readonly load: () => Promise<{ default: ComponentType<MarkdownTextProps> }>;
}

/** Whether `value` is a renderer made by `agentcore-react/markdown`. */
function isMarkdownRenderer(value: unknown): value is MarkdownRenderer {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return false;
  return (
    Reflect.get(value, "kind") === MARKDOWN_RENDERER_KIND &&
    typeof Reflect.get(value, "load") === "function" &&
    typeof Reflect.get(value, "options") === "object"
  );
}

/** What the `markdown` prop must be, as the error message says it. */
const MARKDOWN_RULE =
  'the renderer from "agentcore-react/markdown" (import { markdown } from "agentcore-react/markdown", then pass markdown={markdown}), or false';

/**
 * The `markdown` prop as a renderer, or `null` for plain text (`false`, `null`, left out).
 *
 * @throws {AgentRuntimeValidationError} for anything else, `true` and the options objects of
 *   earlier versions included: markdown is opted into by importing its renderer.
 */
export function markdownRendererOption(value: unknown): MarkdownRenderer | null {
  if (value === undefined || value === null || value === false) return null;
  if (isMarkdownRenderer(value)) return value;
  throw invalidOption("markdown", MARKDOWN_RULE, value);
}

/** Equal when both render with the same module, plugins (item by item) and `maxChars`. */
export function sameMarkdownRenderer(
  a: MarkdownRenderer | null,
  b: MarkdownRenderer | null,
): boolean {
  if (a === b) return true;
  if (!a || !b || a.load !== b.load) return false;
  const ia = a.identity;
  const ib = b.identity;
  return ia.length === ib.length && ia.every((part, i) => part === ib[i]);
}
