/** Schemes a link in agent output may use; everything else (javascript:, data:, vbscript:, file:, …) is dropped. */
const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:", "tel:"]);

// Browsers ignore ASCII control characters and whitespace inside a scheme ("java\tscript:").
// eslint-disable-next-line no-control-regex
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;

/**
 * Keeps a URL from agent output only if it is relative or uses a safe scheme; returns
 * `undefined` otherwise, which renders the link as plain text.
 */
export function safeUrl(url: string): string | undefined {
  const trimmed = url.trim();
  const compact = trimmed.replace(IGNORED_IN_SCHEME, "");
  const colon = compact.indexOf(":");
  if (colon === -1) return trimmed;
  const firstDelimiter = compact.search(/[/?#]/);
  // A colon after the first "/", "?" or "#" belongs to the path or query: a relative URL.
  if (firstDelimiter !== -1 && firstDelimiter < colon) return trimmed;
  const scheme = compact.slice(0, colon + 1).toLowerCase();
  return SAFE_SCHEMES.has(scheme) ? trimmed : undefined;
}
