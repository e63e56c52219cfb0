import { numberOption } from "../../../core/number-option";
import { invalidOption, optionsObject } from "../../../core/option-checks";
import type { MarkdownOptions } from "./markdown-options";
import {
  MARKDOWN_RENDERER_KIND,
  type MarkdownRenderer,
  type MarkdownTextProps,
} from "./markdown-renderer";
import type { ComponentType } from "react";

// The module of `agentcore-react/markdown`. It imports the markdown component only with
// `import()`, so an app's bundler puts `react-markdown` in a chunk of its own, loaded the
// first time the chat shows an agent's answer.

/** Loads the component; one function for every renderer, so the chat loads it once. */
const loadMarkdownText = (): Promise<{ default: ComponentType<MarkdownTextProps> }> =>
  import("./markdown-text");

/**
 * Checks markdown options and makes a renderer with them.
 *
 * @throws {AgentRuntimeValidationError} for options that are not an object, `remarkPlugins`
 *   or `rehypePlugins` that is not an array, or a `maxChars` that is not a whole number >= 1.
 */
function createRenderer(options: MarkdownOptions): MarkdownRenderer {
  optionsObject("markdown", options);
  const { maxChars } = options;
  if (maxChars !== undefined) numberOption("markdown.maxChars", maxChars, "a whole number >= 1");
  const checked: MarkdownOptions = {};
  for (const key of ["remarkPlugins", "rehypePlugins"] as const) {
    const plugins = options[key];
    if (plugins === undefined) continue;
    if (!Array.isArray(plugins)) throw invalidOption(`markdown.${key}`, "an array", plugins);
    checked[key] = [...plugins];
  }
  if (maxChars !== undefined) checked.maxChars = maxChars;
  const identity = [
    checked.maxChars,
    ...(checked.remarkPlugins ?? []),
    "rehype",
    ...(checked.rehypePlugins ?? []),
  ];
  return { kind: MARKDOWN_RENDERER_KIND, options: checked, identity, load: loadMarkdownText };
}

/**
 * The markdown renderer: a {@link MarkdownRenderer} with the default options, which also makes
 * one with other options when called.
 */
export interface MarkdownFactory extends MarkdownRenderer {
  /**
   * A renderer with these options, e.g. `markdown({ remarkPlugins: [remarkGfm] })` or
   * `markdown({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] })`.
   *
   * @throws {AgentRuntimeValidationError} for invalid options.
   */
  (options?: MarkdownOptions): MarkdownRenderer;
}

/**
 * Agent text as sanitized markdown in `<AgentChat>`: pass `markdown={markdown}`, or
 * `markdown={markdown({ remarkPlugins: [remarkGfm], maxChars: 20_000 })}`. Needs the optional
 * peer `react-markdown`, loaded (with the sanitizer and the guards against hostile output) the
 * first time an answer shows; until then, and if it cannot load, answers show as plain text.
 */
export const markdown: MarkdownFactory = Object.assign(
  (options: MarkdownOptions = {}) => createRenderer(options),
  createRenderer({}),
);
