import Markdown, { type Components, type Options } from "react-markdown";
import type { MarkdownOptions } from "./markdown-options";
import { safeUrl } from "./safe-url";

// Agent output is untrusted: raw HTML stays text (no rehype-raw), unsafe URLs are dropped,
// links open in a new tab without an opener, and images become links so that agent output
// cannot make the browser fetch a URL (a known way to leak conversation data) on its own.
const components: Components = {
  a: ({ node: _node, href, children, ...rest }) =>
    href ? (
      <a {...rest} href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    ) : (
      <span className="acr-markdown__dropped-link">{children}</span>
    ),
  // A code block scrolls sideways; keyboard users must be able to focus it to scroll.
  pre: ({ node: _node, ...rest }) => <pre {...rest} tabIndex={0} />,
  img: ({ src, alt }) =>
    typeof src === "string" && src ? (
      <a className="acr-markdown__image-link" href={src} target="_blank" rel="noopener noreferrer">
        {alt || src}
      </a>
    ) : (
      <span>{alt}</span>
    ),
};

function urlTransform(url: string): string | undefined {
  return safeUrl(url);
}

/** Agent text as sanitized markdown. Loaded lazily by `LazyMarkdown`; import it directly only to skip that. */
export default function MarkdownText({
  text,
  options,
}: {
  text: string;
  options?: MarkdownOptions | null;
}) {
  const remarkPlugins =
    // eslint-disable-next-line @typescript-eslint/consistent-type-assertions -- library edge: MarkdownOptions types plugins loosely so our types need not name unified's; unified checks each plugin when it applies it (a bad one throws, and LazyMarkdown falls back to plain text)
    options?.remarkPlugins as Options["remarkPlugins"];
  return (
    <div className="acr-markdown">
      <Markdown components={components} urlTransform={urlTransform} remarkPlugins={remarkPlugins}>
        {text}
      </Markdown>
    </div>
  );
}
