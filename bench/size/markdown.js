// Markdown for <AgentChat>: the renderer, and what it loads on first use (sanitizer, guards,
// blocks) without react-markdown itself.
export { markdown } from "../../dist/markdown.js";
