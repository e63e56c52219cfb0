const MAX_NAME_LENGTH = 100;

/**
 * A file name safe in a key and a URL: letters, digits, `.`, `_` and `-` kept, runs of
 * anything else as one `_`, no leading dots, at most 100 characters (keeping the extension
 * where it fits); `file` when nothing is left.
 */
export function safeFileName(name: string): string {
  let safe = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .replace(/_+$/, "");
  if (safe.length > MAX_NAME_LENGTH) {
    const dot = safe.lastIndexOf(".");
    const extension = dot > 0 && safe.length - dot <= 16 ? safe.slice(dot) : "";
    safe = safe.slice(0, MAX_NAME_LENGTH - extension.length) + extension;
  }
  return safe === "" ? "file" : safe;
}

/**
 * The principal as one key segment: URI-encoded, dots too, so that no two principals share a
 * segment and none reads as `.` or `..` (which URL parsers would resolve away).
 */
export function principalSegment(principal: string): string {
  return encodeURIComponent(principal).replace(/\./g, "%2E");
}

/** `<prefix><principal>/<uuid>/<safe file name>`: every upload has a key of its own. */
export function uploadKey(prefix: string, principal: string, id: string, name: string): string {
  return `${prefix}${principalSegment(principal)}/${id}/${safeFileName(name)}`;
}
