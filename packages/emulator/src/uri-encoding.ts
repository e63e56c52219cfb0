/**
 * RFC 3986 percent-encoding as SigV4 canonicalizes it: every byte except `A-Z a-z 0-9 - _ . ~`
 * is written as `%XX` with upper-case hex. Kept separate from the signer on purpose, so the
 * emulator checks the signer's output instead of sharing its code.
 */
export function escapeRfc3986(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `decodeURIComponent` that answers `undefined` for a malformed escape instead of throwing. */
export function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
