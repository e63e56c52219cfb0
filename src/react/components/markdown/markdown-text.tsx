import Markdown, { type Components } from "react-markdown";
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
export default function MarkdownText({ text }: { text: string }) {
  return (
    <div className="acr-markdown">
      <Markdown components={components} urlTransform={urlTransform}>
        {text}
      </Markdown>
    </div>
  );
}
