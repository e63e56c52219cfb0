import { useContext, type ComponentProps, type ReactNode } from "react";
import type { Components, ExtraProps } from "react-markdown";
import { ChatContext } from "../chat-context";
import { defaultLabels } from "../labels";
import { CodeBlock } from "./code/code-block";
import { linkDestinationHint } from "./link-destination";
import { ScrollTable } from "./scroll-table";

/** A hast node, as far as its text goes. */
interface TextNode {
  type: string;
  value?: string;
  children?: readonly TextNode[];
}

/** The text of a node, as a user reads it. */
function textOf(node: TextNode | undefined): string {
  if (!node) return "";
  if (node.type === "text") return node.value ?? "";
  return (node.children ?? []).map(textOf).join("");
}

/** Where relative links resolve: the page's address (none while rendering on a server). */
function pageAddress(): string | undefined {
  return typeof document === "undefined" ? undefined : document.baseURI;
}

/**
 * The link text, followed by where the link really goes when the text reads as another
 * address (`https://bank.example (evil.example)`): inside the link, so it is part of the
 * link's accessible name, and muted so the text stays readable.
 */
function LinkText({ text, href, children }: { text: string; href: string; children: ReactNode }) {
  const labels = useContext(ChatContext)?.labels ?? defaultLabels;
  const hint = linkDestinationHint(text, href, pageAddress());
  if (hint === null) return children;
  return (
    <>
      {children}{" "}
      <span className="acr-markdown__link-destination">{labels.linkDestination(hint)}</span>
    </>
  );
}

function Link({ node, href, children, ...rest }: ComponentProps<"a"> & ExtraProps) {
  if (!href) return <span className="acr-markdown__dropped-link">{children}</span>;
  return (
    <a {...rest} href={href} target="_blank" rel="noopener noreferrer">
      <LinkText text={textOf(node)} href={href}>
        {children}
      </LinkText>
    </a>
  );
}

// Agent output is untrusted: unsafe URLs were already dropped by `urlTransform` (a link
// without `href` stays text), links open in a new tab without an opener and show where they
// go when their text names another address, and images become links so that agent output
// cannot make the browser fetch a URL on its own (a known way to leak conversation data).
export const markdownComponents: Components = {
  a: Link,
  // Code blocks and tables scroll sideways; keyboard users can focus them to scroll.
  pre: CodeBlock,
  table: ScrollTable,
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a className="acr-markdown__image-link" href={src} target="_blank" rel="noopener noreferrer">
        <LinkText text={alt ?? ""} href={src}>
          {alt || src}
        </LinkText>
      </a>
    ) : (
      <span>{alt}</span>
    ),
};
