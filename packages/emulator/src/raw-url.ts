import { decodeComponent, escapeRfc3986 } from "./uri-encoding";

/** One `key=value` pair of a query string, as written on the wire and decoded once. */
export interface QueryParam {
  rawKey: string;
  rawValue: string;
  key: string;
  value: string;
}

/** A parse result: the value, or why the input was refused. */
export type Parsed<T> = ({ ok: true } & T) | { ok: false; reason: string };

/**
 * How a query must be spelled: `exact`, as a SigV4 signer writes it (canonical percent-encoding),
 * or `service`, any spelling that decodes to the same parameters, as the service reads it (it
 * decodes each key and value and encodes them again to check the signature).
 */
export type QueryEncoding = "exact" | "service";

/**
 * Splits a query string into decoded pairs: no empty pairs, every pair has `=`, no key appears
 * twice, no raw `+` (a space to form decoders, a plus to SigV4: ambiguous either way), and with
 * `exact` every key and value is written in canonical SigV4 encoding (so two spellings of one
 * URL cannot both pass).
 */
export function parseQuery(
  rawQuery: string,
  encoding: QueryEncoding = "exact",
): Parsed<{ params: QueryParam[] }> {
  if (rawQuery === "") return { ok: true, params: [] };
  const params: QueryParam[] = [];
  const seen = new Set<string>();
  for (const pair of rawQuery.split("&")) {
    const read = readPair(pair, encoding);
    if (!read.ok) return read;
    const { param } = read;
    if (seen.has(param.key))
      return { ok: false, reason: `query parameter ${JSON.stringify(param.key)} appears twice` };
    seen.add(param.key);
    params.push(param);
  }
  return { ok: true, params };
}

/** One `key=value` pair, decoded and checked. */
function readPair(pair: string, encoding: QueryEncoding): Parsed<{ param: QueryParam }> {
  const eq = pair.indexOf("=");
  if (pair === "" || eq <= 0) {
    return { ok: false, reason: "the query string has a parameter without a name or without =" };
  }
  if (pair.includes("+")) {
    return {
      ok: false,
      reason: "the query string has a raw +: write %2B for a plus, %20 for a space",
    };
  }
  const rawKey = pair.slice(0, eq);
  const rawValue = pair.slice(eq + 1);
  const key = decodeComponent(rawKey);
  const value = decodeComponent(rawValue);
  if (key === undefined || value === undefined) {
    return { ok: false, reason: "the query string has a malformed percent-escape" };
  }
  const canonical = escapeRfc3986(key) === rawKey && escapeRfc3986(value) === rawValue;
  if (encoding === "exact" && !canonical) {
    return {
      ok: false,
      reason: `query parameter ${JSON.stringify(key)} is not in canonical RFC 3986 encoding`,
    };
  }
  return { ok: true, param: { rawKey, rawValue, key, value } };
}

/** The parts of a `ws://` / `wss://` URL, kept exactly as written (no normalization). */
export interface RawWebSocketUrl {
  scheme: "ws" | "wss";
  /** Host and port as written, e.g. `127.0.0.1:8787`. */
  authority: string;
  /** The host without the port, e.g. `127.0.0.1` or `[::1]`. */
  hostname: string;
  port: string | undefined;
  /** The path as written, still percent-encoded. */
  path: string;
  /** Everything after `?`, as written (empty when there is none). */
  rawQuery: string;
}

const URL_PATTERN = /^(ws|wss):\/\/([^/?#]+)(\/[^?#]*)(?:\?([^#]*))?$/;

/**
 * Parses a WebSocket URL byte-exactly. WHATWG `URL` would lower-case the host and resolve dot
 * segments, hiding changes a signature must notice, so this parser does neither.
 */
export function parseWebSocketUrl(url: string): Parsed<RawWebSocketUrl> {
  const match = URL_PATTERN.exec(url);
  if (!match) {
    return { ok: false, reason: "not a ws:// or wss:// URL with a path (and no fragment)" };
  }
  // The pattern guarantees the scheme, authority and path groups; only the query is optional.
  const [, scheme = "", authority = "", path = "", rawQuery = ""] = match;
  const host = splitHostPort(authority);
  if (!host.ok) return host;
  return {
    ok: true,
    scheme: scheme === "wss" ? "wss" : "ws",
    authority,
    hostname: host.hostname,
    port: host.port,
    path,
    rawQuery,
  };
}

/**
 * Splits `host[:port]` (as in a URL authority or a `Host` header) into hostname and port.
 * Bracketed IPv6 literals keep their brackets, as `URL.hostname` does.
 */
export function splitHostPort(
  authority: string,
): Parsed<{ hostname: string; port: string | undefined }> {
  if (authority.includes("@")) return { ok: false, reason: "a URL with user info is not accepted" };
  let hostname: string;
  let rest: string;
  if (authority.startsWith("[")) {
    const end = authority.indexOf("]");
    if (end < 0) return { ok: false, reason: `malformed host ${JSON.stringify(authority)}` };
    hostname = authority.slice(0, end + 1);
    rest = authority.slice(end + 1);
  } else {
    const colon = authority.indexOf(":");
    hostname = colon < 0 ? authority : authority.slice(0, colon);
    rest = colon < 0 ? "" : authority.slice(colon);
  }
  if (hostname === "" || hostname === "[]") {
    return { ok: false, reason: `malformed host ${JSON.stringify(authority)}` };
  }
  if (rest === "") return { ok: true, hostname, port: undefined };
  if (!/^:\d{1,5}$/.test(rest))
    return { ok: false, reason: `malformed port in ${JSON.stringify(authority)}` };
  return { ok: true, hostname, port: rest.slice(1) };
}

/** Splits a request target (`/path?query`, as in `IncomingMessage.url`) into path and raw query. */
export function splitRequestTarget(target: string): Parsed<{ path: string; rawQuery: string }> {
  if (!target.startsWith("/") || target.includes("#")) {
    return { ok: false, reason: "the request target must be an origin-form path" };
  }
  const q = target.indexOf("?");
  return q < 0
    ? { ok: true, path: target, rawQuery: "" }
    : { ok: true, path: target.slice(0, q), rawQuery: target.slice(q + 1) };
}
