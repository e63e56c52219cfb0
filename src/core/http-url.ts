/**
 * `raw` as an absolute `http:` or `https:` URL, or `undefined` for anything else (a relative
 * URL, `javascript:`, `data:`, text that does not parse, a value that is not a string). It is
 * parsed the way a browser parses a link, so a scheme hidden behind control characters or
 * spaces (`java\tscript:`) is read as the browser would read it, and dropped.
 */
export function httpUrl(raw: unknown): URL | undefined {
  if (typeof raw !== "string") return undefined;
  try {
    const url = new URL(raw);
    return /^https?:$/.test(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}
