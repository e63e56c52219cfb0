/**
 * `agentcore-react/markdown`: agent text as sanitized markdown in `<AgentChat>`, opted into by
 * importing this entry and passing its renderer:
 *
 * ```tsx
 * import { markdown } from "agentcore-react/markdown";
 * <AgentChat urlProvider={urlProvider} markdown={markdown} />;
 * ```
 *
 * Needs the optional peer `react-markdown`, which this entry loads with `import()` (its own
 * chunk in an app's bundle) the first time an answer shows. The main entry never refers to
 * this one, so apps without markdown build without `react-markdown` installed.
 *
 * @packageDocumentation
 */
export { markdown, type MarkdownFactory } from "./react/components/markdown/create-markdown";
export {
  DEFAULT_MARKDOWN_MAX_CHARS,
  type MarkdownOptions,
  type MarkdownPlugin,
} from "./react/components/markdown/markdown-options";
export { defaultMarkdownLabels } from "./react/components/markdown/markdown-labels";
export type { MarkdownLabels } from "./react/components/labels";
export type {
  MarkdownRenderer,
  MarkdownTextProps,
} from "./react/components/markdown/markdown-renderer";
