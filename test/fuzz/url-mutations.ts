/**
 * Mutations of a presigned URL, each labelled with whether it keeps the URL's meaning.
 *
 * "Equivalent" mutations change the spelling but not the request a server acts on, for a
 * reason we can name (listed with each). A verifier may accept or refuse those; if it accepts,
 * it must report the same runtime, session and parameters. Every other mutation changes what
 * was signed (or makes it ambiguous) and must be refused.
 */

/** A URL split the way a server sees it, spelling untouched. */
export interface RawUrl {
  scheme: string;
  host: string;
  port: string | undefined;
  path: string;
  params: Array<[string, string]>;
  fragment: string | undefined;
}

const URL_PATTERN = /^(wss?):\/\/([^/?#:]+)(?::(\d+))?(\/[^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;

export function splitUrl(url: string): RawUrl {
  const match = URL_PATTERN.exec(url);
  if (!match) throw new Error(`not a ws(s) URL: ${url}`);
  const [, scheme, host, port, path, query, fragment] = match as unknown as [
    string,
    string,
    string,
    string | undefined,
    string,
    string | undefined,
    string | undefined,
  ];
  const params = (query ?? "")
    .split("&")
    .filter((pair) => pair !== "")
    .map((pair): [string, string] => {
      const eq = pair.indexOf("=");
      return eq < 0 ? [pair, ""] : [pair.slice(0, eq), pair.slice(eq + 1)];
    });
  return { scheme, host, port, path, params, fragment };
}

export function joinUrl(url: RawUrl): string {
  const query = url.params.map(([key, value]) => `${key}=${value}`).join("&");
  return (
    `${url.scheme}://${url.host}${url.port === undefined ? "" : `:${url.port}`}${url.path}` +
    `${query === "" ? "" : `?${query}`}${url.fragment === undefined ? "" : `#${url.fragment}`}`
  );
}

export const MUTATIONS = [
  // Equivalent: SigV4 sorts the query into its canonical form, so order is not signed.
  "reorder-params",
  // Equivalent: %3a and %3A are the same octet (RFC 3986, 2.1).
  "lowercase-escape",
  // Equivalent: an unreserved character and its escape decode alike (RFC 3986, 2.3).
  "escape-unreserved",
  // Equivalent: host names are case-insensitive (RFC 3986, 3.2.2).
  "host-case",
  // Equivalent: a presigned URL signs the host name without the port.
  "change-port",
  // Equivalent: the request is signed as https and the scheme swapped; it is not signed.
  "swap-scheme",
  // Equivalent: a fragment is never sent to the server (browsers refuse it in a WebSocket URL).
  "add-fragment",
  // The rest change what was signed, or make it ambiguous (RFC 3986, 2.2: a reserved character
  // and its escape are not equivalent; "+" means a space to form decoders and "+" to SigV4).
  "duplicate-param",
  "duplicate-param-other-value",
  "remove-param",
  "add-param",
  "param-key-case",
  "param-value-case",
  "replace-session-id",
  "double-encode",
  "decode-reserved",
  "plus-for-space",
  "signature-uppercase",
  "truncate",
  "change-host",
  "path-trailing-slash",
  "path-double-slash",
  "path-dot-segment",
  "path-case",
  "empty-param-value",
] as const;

export type Mutation = (typeof MUTATIONS)[number];

const EQUIVALENT = new Set<Mutation>([
  "reorder-params",
  "lowercase-escape",
  "escape-unreserved",
  "host-case",
  "change-port",
  "swap-scheme",
  "add-fragment",
]);

export function isEquivalent(mutation: Mutation): boolean {
  return EQUIVALENT.has(mutation);
}

/** Whether position `i` of `text` is one of the two hex digits of a `%XX` escape. */
function insideEscape(text: string, i: number): boolean {
  return text[i - 1] === "%" || (text[i - 2] === "%" && /[0-9A-Fa-f]/.test(text[i - 1] ?? ""));
}

const at = <T>(items: readonly T[], n: number): T => items[n % items.length] as T;

/** Flips the case of one letter of `text` that is not a hex digit of a percent-escape. */
function flipCase(text: string, n: number): string {
  const letters = [...text]
    .map((c, i) => [c, i] as const)
    .filter(([c, i]) => /[a-zA-Z]/.test(c) && !insideEscape(text, i));
  if (letters.length === 0) return text;
  const [c, i] = at(letters, n);
  const flipped = c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase();
  return text.slice(0, i) + flipped + text.slice(i + 1);
}

/**
 * Applies `mutation` to `url`, using `n` to pick where. Returns `undefined` when the URL offers
 * nothing to mutate that way (e.g. no escape to lower-case).
 */
export function mutate(url: string, mutation: Mutation, n: number): string | undefined {
  const raw = splitUrl(url);
  const params = raw.params;
  const with_ = (patch: Partial<RawUrl>) => joinUrl({ ...raw, ...patch });
  const pick = () => n % params.length;
  switch (mutation) {
    case "reorder-params": {
      if (params.length < 2) return undefined;
      const i = pick();
      const j = (i + 1 + (Math.floor(n / params.length) % (params.length - 1))) % params.length;
      const swapped = [...params];
      [swapped[i], swapped[j]] = [swapped[j]!, swapped[i]!];
      return with_({ params: swapped });
    }
    case "lowercase-escape":
    case "double-encode":
    case "decode-reserved": {
      const spots: Array<[number, "key" | "value", number]> = [];
      params.forEach(([key, value], p) => {
        for (const m of key.matchAll(/%[0-9A-F]{2}/g)) spots.push([p, "key", m.index]);
        for (const m of value.matchAll(/%[0-9A-F]{2}/g)) spots.push([p, "value", m.index]);
      });
      const candidates =
        mutation === "decode-reserved"
          ? spots.filter(([p, part, i]) =>
              /%(2F|3A|3D|26|2B|3F|40|2C)/.test(params[p]![part === "key" ? 0 : 1].slice(i, i + 3)),
            )
          : spots;
      if (candidates.length === 0) return undefined;
      const [p, part, i] = at(candidates, n);
      const text = params[p]![part === "key" ? 0 : 1];
      const escape = text.slice(i, i + 3);
      const replacement =
        mutation === "lowercase-escape"
          ? escape.toLowerCase()
          : mutation === "double-encode"
            ? `%25${escape.slice(1)}`
            : decodeURIComponent(escape);
      if (replacement === escape) return undefined;
      const changed = text.slice(0, i) + replacement + text.slice(i + 3);
      const next = [...params];
      next[p] = part === "key" ? [changed, params[p]![1]] : [params[p]![0], changed];
      return with_({ params: next });
    }
    case "escape-unreserved": {
      const spots: Array<[number, number]> = [];
      params.forEach(([, value], p) => {
        [...value].forEach((c, i) => {
          if (/[A-Za-z0-9._~-]/.test(c)) spots.push([p, i]);
        });
      });
      if (spots.length === 0) return undefined;
      const [p, i] = at(spots, n);
      const value = params[p]![1];
      const escaped = `%${value.charCodeAt(i).toString(16).toUpperCase().padStart(2, "0")}`;
      const next = [...params];
      next[p] = [params[p]![0], value.slice(0, i) + escaped + value.slice(i + 1)];
      return with_({ params: next });
    }
    case "host-case": {
      const host = flipCase(raw.host, n);
      return host === raw.host ? undefined : with_({ host });
    }
    case "change-port":
      return with_({ port: raw.port === "443" ? "8443" : "443" });
    case "swap-scheme":
      return with_({ scheme: raw.scheme === "wss" ? "ws" : "wss" });
    case "add-fragment":
      return with_({ fragment: "section" });
    case "duplicate-param":
      return params.length === 0 ? undefined : with_({ params: [...params, params[pick()]!] });
    case "duplicate-param-other-value": {
      if (params.length === 0) return undefined;
      const [key, value] = params[pick()]!;
      return with_({ params: [[key, `${value}0`], ...params] });
    }
    case "remove-param":
      return params.length === 0
        ? undefined
        : with_({ params: params.filter((_, i) => i !== pick()) });
    case "add-param":
      return with_({
        params: [...params, [at(["extra", "X-Amz-Extra", "qualifier2", "a"], n), "1"]],
      });
    case "param-key-case": {
      if (params.length === 0) return undefined;
      const p = pick();
      const key = flipCase(params[p]![0], Math.floor(n / params.length));
      if (key === params[p]![0]) return undefined;
      const next = [...params];
      next[p] = [key, params[p]![1]];
      return with_({ params: next });
    }
    case "param-value-case": {
      if (params.length === 0) return undefined;
      const p = pick();
      const value = flipCase(params[p]![1], Math.floor(n / params.length));
      if (value === params[p]![1]) return undefined;
      const next = [...params];
      next[p] = [params[p]![0], value];
      return with_({ params: next });
    }
    case "replace-session-id": {
      const p = params.findIndex(([key]) => key === "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id");
      if (p < 0) return undefined;
      const next = [...params];
      next[p] = [params[p]![0], `attacker-chosen-session-${"0".repeat(16)}${n % 10}`];
      return with_({ params: next });
    }
    case "plus-for-space": {
      const p = params.findIndex(([, value]) => value.includes("%20"));
      if (p < 0) return undefined;
      const next = [...params];
      next[p] = [params[p]![0], params[p]![1].replace("%20", "+")];
      return with_({ params: next });
    }
    case "signature-uppercase": {
      const p = params.findIndex(([key]) => key === "X-Amz-Signature");
      if (p < 0) return undefined;
      const next = [...params];
      next[p] = [params[p]![0], params[p]![1].toUpperCase()];
      return with_({ params: next });
    }
    case "empty-param-value": {
      if (params.length === 0) return undefined;
      const p = pick();
      if (params[p]![1] === "") return undefined;
      const next = [...params];
      next[p] = [params[p]![0], ""];
      return with_({ params: next });
    }
    case "truncate":
      return url.slice(0, n % url.length);
    case "change-host":
      return with_({
        host: at(
          [
            "evil.example.com",
            "bedrock-agentcore.us-east-1.amazonaws.com",
            `${raw.host}.evil.example`,
          ],
          n,
        ),
      });
    case "path-trailing-slash":
      return with_({ path: `${raw.path}/` });
    case "path-double-slash":
      return with_({ path: raw.path.replace("/ws", "//ws") });
    case "path-dot-segment":
      return with_({ path: raw.path.replace("/ws", "/./ws") });
    case "path-case": {
      const path = flipCase(raw.path, n);
      return path === raw.path ? undefined : with_({ path });
    }
  }
}
