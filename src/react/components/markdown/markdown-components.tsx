import type { Components } from "react-markdown";

// Agent output is untrusted: unsafe URLs were already dropped by `urlTransform` (a link
// without `href` stays text), links open in a new tab without an opener, and images become
// links so that agent output cannot make the browser fetch a URL on its own (a known way to
// leak conversation data).
export const markdownComponents: Components = {
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
