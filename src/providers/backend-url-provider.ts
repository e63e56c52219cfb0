import { withDeadline } from "../core/abort";
import { backendRefusal, issuedAtFromDateHeader, parseBackendAnswer } from "./backend-response";
import { describeError } from "../core/describe-error";
import { numberOption } from "../core/number-option";
import { invalidOption, optionalFunction, optionsObject } from "../core/option-checks";
import { AgentRuntimeProviderError } from "./errors";
import type { PresignedConnection, UrlProvider, UrlProviderContext } from "./types";

/** Default time a backend has to answer, in ms. */
export const DEFAULT_BACKEND_TIMEOUT_MS = 10_000;

/** Options of {@link backendUrlProvider}. */
export interface BackendUrlProviderOptions {
  /** The app's presign endpoint, e.g. `/api/agent-url` (relative URLs resolve against the page). */
  endpoint: string | URL;
  /** The `fetch` to use. Defaults to the global one. */
  fetch?: typeof globalThis.fetch;
  /**
   * Extra request headers, e.g. `Authorization`. A function is called for every request, so it
   * can hand out a fresh app token each time.
   */
  headers?: HeadersInit | ((context: UrlProviderContext) => HeadersInit | Promise<HeadersInit>);
  /** `fetch`'s `credentials` mode, e.g. `"include"` to send cookies to another origin. */
  credentials?: RequestCredentials;
  /**
   * Extra JSON fields for the request body, e.g. `{ runtime: "support" }`. They cannot replace
   * `sessionId`, which is always the connection's.
   */
  body?: (
    context: UrlProviderContext,
  ) => Record<string, unknown> | Promise<Record<string, unknown>>;
  /** How long the backend has to answer, in ms. Default 10 000. */
  timeoutMs?: number;
}

/**
 * A {@link UrlProvider} that asks the app's own backend (for example one built with
 * `createPresignHandler` from `agentcore-react/server`) for a presigned URL. It POSTs
 * `{ sessionId, ...body(ctx) }` as JSON and expects `{ url, expiresAt, sessionId, protocols? }`.
 *
 * The backend may answer with a different session id (one it bound to the signed-in user); it
 * must still be a valid one. The backend's `Date` header becomes `issuedAt`, which lets the
 * connection correct for clock skew.
 *
 * Rejects with {@link AgentRuntimeProviderError} (`code`: `http-status`, `invalid-response`,
 * `network`, `timeout` or `request`, with `status` where there was an HTTP answer), or with the
 * abort reason when `ctx.signal` aborts.
 *
 * @throws {AgentRuntimeValidationError} at once for unusable options: no `endpoint`, a
 *   `timeoutMs` that is not a number > 0, or an option of the wrong kind.
 */
export function backendUrlProvider(options: BackendUrlProviderOptions): UrlProvider {
  const timeoutMs = checkBackendOptions(options);
  const timeoutError = () =>
    new AgentRuntimeProviderError(`Presign backend did not answer within ${timeoutMs} ms`, {
      code: "timeout",
    });

  const where = endpointForMessages(options.endpoint);
  return async (context) => {
    try {
      return await withDeadline(context.signal, timeoutMs, timeoutError, (signal) =>
        requestUrl(options, context, signal),
      );
    } catch (error) {
      throw error instanceof AgentRuntimeProviderError ? error.at(where) : error;
    }
  };
}

/** The endpoint as a UI may show it: without query or fragment (they may carry secrets). */
function endpointForMessages(endpoint: string | URL): string {
  return String(endpoint).split(/[?#]/)[0] ?? "";
}

const CREDENTIALS_MODES: ReadonlyArray<RequestCredentials> = ["omit", "same-origin", "include"];

/** Checks every option of {@link backendUrlProvider}; returns the timeout to use. */
function checkBackendOptions(options: BackendUrlProviderOptions): number {
  optionsObject("backendUrlProvider", options);
  const { endpoint, headers, credentials } = options;
  if (!(endpoint instanceof URL) && (typeof endpoint !== "string" || endpoint === "")) {
    throw invalidOption(
      "backendUrlProvider endpoint",
      "a URL or a path such as /api/agent-url",
      endpoint,
    );
  }
  optionalFunction("backendUrlProvider fetch", options.fetch);
  optionalFunction("backendUrlProvider body", options.body);
  if (headers !== undefined && typeof headers !== "function" && !isHeadersObject(headers)) {
    throw invalidOption(
      "backendUrlProvider headers",
      "headers (an object, a Headers or a list of pairs) or a function that returns them",
      headers,
    );
  }
  if (credentials !== undefined && !CREDENTIALS_MODES.includes(credentials)) {
    throw invalidOption(
      "backendUrlProvider credentials",
      'one of "omit", "same-origin" or "include"',
      credentials,
    );
  }
  return numberOption(
    "backendUrlProvider timeoutMs",
    options.timeoutMs ?? DEFAULT_BACKEND_TIMEOUT_MS,
    "a finite number > 0",
  );
}

function isHeadersObject(value: unknown): boolean {
  return typeof value === "object" && value !== null;
}

async function requestUrl(
  options: BackendUrlProviderOptions,
  context: UrlProviderContext,
  signal: AbortSignal,
): Promise<PresignedConnection> {
  const init = await buildRequest(options, context, signal);
  const fetchImpl = options.fetch ?? ((input, requestInit) => globalThis.fetch(input, requestInit));
  let response: Response;
  let text: string;
  try {
    response = await fetchImpl(options.endpoint, init);
    text = await response.text();
  } catch (error) {
    throw new AgentRuntimeProviderError(
      `Could not reach the presign backend: ${describeError(error)}`,
      {
        code: "network",
        cause: error,
      },
    );
  }
  if (!response.ok) throw backendRefusal(text, response.status);
  return parseBackendAnswer(
    text,
    response.status,
    issuedAtFromDateHeader(response.headers),
    Date.now(),
  );
}

async function buildRequest(
  options: BackendUrlProviderOptions,
  context: UrlProviderContext,
  signal: AbortSignal,
): Promise<RequestInit> {
  let headers: Headers;
  let extra: Record<string, unknown> = {};
  try {
    const given =
      typeof options.headers === "function" ? await options.headers(context) : options.headers;
    headers = new Headers(given);
    if (options.body) extra = await options.body(context);
  } catch (error) {
    throw new AgentRuntimeProviderError(
      `Could not prepare the presign request: ${describeError(error)}`,
      { code: "request", cause: error },
    );
  }
  if (typeof extra !== "object" || extra === null || Array.isArray(extra)) {
    throw new AgentRuntimeProviderError("backendUrlProvider body() must return a plain object", {
      code: "request",
    });
  }
  headers.set("Content-Type", "application/json");
  if (!headers.has("Accept")) headers.set("Accept", "application/json");
  const init: RequestInit = {
    method: "POST",
    headers,
    body: JSON.stringify({ ...extra, sessionId: context.sessionId }),
    signal,
  };
  if (options.credentials !== undefined) init.credentials = options.credentials;
  return init;
}
