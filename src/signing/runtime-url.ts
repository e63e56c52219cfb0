import { parseRuntimeArn } from "./arn";
import { percentEncode } from "./encoding";
import { AgentRuntimeValidationError } from "../core/errors";
import { invalidOption, isRecord } from "../core/option-checks";
import { dataPlaneHost } from "./region";

/** The query parameter (and header) that carries the runtime session id. */
export const SESSION_ID_PARAM = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";

/** Query parameters in the caller's order: an object (insertion order) or a list of pairs. */
export type QueryParams =
  | Readonly<Record<string, string | number | boolean>>
  | ReadonlyArray<readonly [string, string | number | boolean]>;

/** Where the runtime's WebSocket endpoint lives. */
export interface RuntimeEndpoint {
  /** `true` for `wss:`, `false` for `ws:` (a local emulator). */
  secure: boolean;
  /** Host with the port when one is given, e.g. `localhost:8787`. */
  host: string;
  /** Host without the port. */
  hostname: string;
}

/**
 * Resolves the data-plane endpoint: the region's AWS host, or an override such as
 * `ws://localhost:8787` (the counterpart of the SDK's `BEDROCK_AGENTCORE_DP_ENDPOINT`).
 */
export function resolveEndpoint(region: string, endpoint?: string): RuntimeEndpoint {
  if (endpoint === undefined || endpoint === "") {
    const host = dataPlaneHost(region);
    return { secure: true, host, hostname: host };
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new AgentRuntimeValidationError(`Invalid endpoint: ${endpoint}`);
  }
  const secure = url.protocol === "wss:" || url.protocol === "https:";
  if (!secure && url.protocol !== "ws:" && url.protocol !== "http:") {
    throw new AgentRuntimeValidationError(
      `Invalid endpoint: ${endpoint} (expected a wss://, ws://, https:// or http:// origin)`,
    );
  }
  if (
    url.username ||
    url.password ||
    url.search ||
    url.hash ||
    (url.pathname && url.pathname !== "/")
  ) {
    throw new AgentRuntimeValidationError(
      `Invalid endpoint: ${endpoint} (give an origin only: scheme, host and port)`,
    );
  }
  return { secure, host: url.host, hostname: url.hostname };
}

/** `/runtimes/{percent-encoded ARN}/ws`, after validating the ARN. */
export function runtimePath(runtimeArn: string): string {
  parseRuntimeArn(runtimeArn);
  return `/runtimes/${percentEncode(runtimeArn, "runtime ARN")}/ws`;
}

/**
 * Normalizes {@link QueryParams} into pairs of strings, keeping the caller's order. `null` and
 * `undefined` mean none.
 *
 * @throws {AgentRuntimeValidationError} for anything but an object or a list of
 *   `[name, value]` pairs, a reserved or empty name, or a value that is not a string, number
 *   or boolean.
 */
export function queryPairs(params: QueryParams | null | undefined): Array<[string, string]> {
  if (params === undefined || params === null) return [];
  return queryEntries(params).map(([key, value]) => {
    if (typeof key !== "string" || key === "") {
      throw new AgentRuntimeValidationError("Custom query parameter names cannot be empty");
    }
    if (/^x-amz-/i.test(key)) {
      throw new AgentRuntimeValidationError(
        `Custom query parameter ${key} is reserved for SigV4 and cannot be set`,
      );
    }
    if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") {
      throw new AgentRuntimeValidationError(
        `Custom query parameter ${key} must be a string, number or boolean`,
      );
    }
    return [key, String(value)];
  });
}

function queryEntries(params: unknown): Array<readonly [unknown, unknown]> {
  if (Array.isArray(params)) return params.map(queryPair);
  if (isRecord(params)) return Object.entries(params);
  throw invalidOption(
    "Custom query parameters",
    "an object or a list of [name, value] pairs",
    params,
  );
}

function queryPair(entry: unknown): readonly [unknown, unknown] {
  if (!Array.isArray(entry) || entry.length !== 2) {
    throw invalidOption("Each custom query parameter", "a [name, value] pair", entry);
  }
  return [entry[0], entry[1]];
}

/**
 * Python dict semantics, which the SDK's URL builder relies on: a key set again keeps its
 * first position and takes the last value.
 */
export function mergePairs(...groups: Array<Array<[string, string]>>): Array<[string, string]> {
  const merged = new Map<string, string>();
  for (const group of groups) {
    for (const [key, value] of group) merged.set(key, value);
  }
  return [...merged];
}

/** `k=v&k=v` with RFC 3986 encoding of keys and values. */
export function encodeQuery(pairs: ReadonlyArray<readonly [string, string]>): string {
  return pairs
    .map(
      ([key, value]) =>
        `${percentEncode(key, "query parameter name")}=${percentEncode(value, `value of ${key}`)}`,
    )
    .join("&");
}

/** Everything needed to address one runtime stream. */
export interface RuntimeTarget {
  endpoint: RuntimeEndpoint;
  path: string;
  /** Query parameters in wire order (before any SigV4 parameters). */
  query: Array<[string, string]>;
}

/**
 * Builds a target. The query is encoded here, once, so an unencodable value fails with a typed
 * error before anything is signed.
 */
export function createTarget(
  endpoint: RuntimeEndpoint,
  path: string,
  query: Array<[string, string]>,
): RuntimeTarget & { encodedQuery: string } {
  return { endpoint, path, query, encodedQuery: encodeQuery(query) };
}

/** The `wss://` (or `ws://`) URL of a target, with extra parameters appended. */
export function targetUrl(
  target: RuntimeTarget & { encodedQuery?: string },
  extra: ReadonlyArray<readonly [string, string]> = [],
): string {
  const scheme = target.endpoint.secure ? "wss" : "ws";
  const base = target.encodedQuery ?? encodeQuery(target.query);
  const query = [base, encodeQuery(extra)].filter(Boolean).join("&");
  return `${scheme}://${target.endpoint.host}${target.path}${query ? `?${query}` : ""}`;
}
