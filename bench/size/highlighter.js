// The code highlighter chunk of agentcore-react/markdown: what the first fenced code block
// with a language loads (sugar-high with all its languages, tokens to React elements).
export { highlightCode } from "../../dist/react/components/markdown/code/highlighter.js";
