/** Longest link text read as a URL: beyond this it is prose, not an address. */
const MAX_URL_TEXT = 2_048;
/** A host name as link text is written: labels with dots, a last label of letters. */
const DOMAIN_LIKE = /^(?:[\p{L}\p{N}-]+\.)+\p{L}{2,63}\.?(?::\d{1,5})?(?:[/?#]|$)/u;
/** A scheme at the start of the text. */
const SCHEME = /^[a-z][a-z\d+.-]*:/i;

function parse(url: string, base?: string): URL | null {
  try {
    return new URL(url, base);
  } catch {
    return null;
  }
}

/** The host a link text names, when the text reads as a web address or a domain; else null. */
function hostNamedBy(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > MAX_URL_TEXT || /\s/.test(trimmed)) return null;
  if (SCHEME.test(trimmed)) {
    const url = parse(trimmed);
    const web = url && (url.protocol === "http:" || url.protocol === "https:");
    return web && url.hostname ? url.hostname : null;
  }
  const bare = trimmed.replace(/^\/\//, "");
  if (!DOMAIN_LIKE.test(bare)) return null;
  return parse(`https://${bare}`)?.hostname ?? null;
}

/** A host as people compare them: lower case, without a final dot or a leading `www.`. */
function comparable(host: string): string {
  return host
    .toLowerCase()
    .replace(/\.$/, "")
    .replace(/^www\./, "");
}

/**
 * What to show after a link whose text reads as a web address or a domain that is not where
 * the link goes (`[https://bank.example/login](https://evil.example)`): the destination's host
 * (`evil.example`; international names in their `xn--` form, so look-alike letters show), or
 * the whole destination for `mailto:` and `tel:` links. `null` when the text is not an
 * address, or names the destination's own host.
 *
 * @param base where relative links resolve (the page's address); without it they get no hint.
 */
export function linkDestinationHint(text: string, href: string, base?: string): string | null {
  const named = hostNamedBy(text);
  if (named === null) return null;
  const destination = parse(href, base);
  if (!destination) return null;
  if (destination.protocol !== "http:" && destination.protocol !== "https:") {
    return destination.href.length > 80 ? `${destination.href.slice(0, 79)}…` : destination.href;
  }
  return comparable(destination.hostname) === comparable(named) ? null : destination.host;
}
