import type { ComponentProps, ReactNode } from "react";
import type { ExtraProps } from "react-markdown";
import { CopyCodeButton } from "./copy-code-button";
import { HighlightedCode } from "./highlighted-code";

/** A hast node, as far as a code block needs it. */
interface CodeNode {
  type: string;
  tagName?: string;
  value?: string;
  properties?: { className?: unknown };
  children?: readonly CodeNode[];
}

function textOf(node: CodeNode): string {
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

/** The language of a `code` element: its first `language-*` class (`language-ts` → `ts`). */
function languageOf(code: CodeNode): string | null {
  const classes = code.properties?.className;
  if (!Array.isArray(classes)) return null;
  const found = classes.find((name) => typeof name === "string" && name.startsWith("language-"));
  return typeof found === "string" && found.length > 9 ? found.slice(9) : null;
}

/**
 * A fenced or indented code block: a header with its language and a Copy button, then the
 * code, highlighted once the highlighter has loaded. The `pre` scrolls sideways and can be
 * focused with the keyboard to scroll. Code that a plugin already turned into elements keeps
 * them (sanitized like every plugin's output) and is not highlighted again.
 */
export function CodeBlock({ node, children }: ComponentProps<"pre"> & ExtraProps) {
  const pre: CodeNode | undefined = node;
  const code = pre?.children?.find((child) => child.type === "element" && child.tagName === "code");
  if (!code) return <pre tabIndex={0}>{children}</pre>;
  const text = textOf(code).replace(/\n$/, "");
  const language = languageOf(code);
  const plain = (code.children ?? []).every((child) => child.type === "text");
  let body: ReactNode = children;
  if (plain) body = <HighlightedCode code={text} language={language} />;
  return (
    <div className="acr-code-block">
      <div className="acr-code-block__header">
        <span className="acr-code-block__language">{language}</span>
        <CopyCodeButton code={text} />
      </div>
      <pre tabIndex={0}>{body}</pre>
    </div>
  );
}
