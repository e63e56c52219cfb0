import { expect } from "vitest";
import { AgentRuntimeProviderError } from "../errors";
import type { UrlProviderContext } from "../types";

/** What the backendUrlProvider tests share: ids, a context, a recording fetch, error capture. */

export const SESSION = "provisional-session-id-0123456789abcdef";
export const BOUND = "bound-session-id-from-the-backend.0123456789";
export const URL_WITH_SECRET =
  "wss://bedrock-agentcore.us-west-2.amazonaws.com/runtimes/x/ws?X-Amz-Security-Token=TOP-SECRET";

export function context(overrides: Partial<UrlProviderContext> = {}): UrlProviderContext {
  return { sessionId: SESSION, signal: new AbortController().signal, attempt: 0, ...overrides };
}

export interface Recorded {
  input: string;
  init: RequestInit;
  body: Record<string, unknown>;
  headers: Headers;
}

/** A fetch that records requests and answers with the given body, status and headers. */
export function answering(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  const requests: Recorded[] = [];
  const fetch = async (input: RequestInfo | URL, requestInit?: RequestInit) => {
    const requestInitValue = requestInit ?? {};
    requests.push({
      input: String(input),
      init: requestInitValue,
      body: JSON.parse(String(requestInitValue.body)) as Record<string, unknown>,
      headers: new Headers(requestInitValue.headers),
    });
    const text = typeof body === "string" ? body : JSON.stringify(body);
    return new Response(text, { status: init.status ?? 200, headers: init.headers });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

export const future = () => Date.now() + 300_000;

export async function providerError(promise: Promise<unknown>): Promise<AgentRuntimeProviderError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AgentRuntimeProviderError);
  return error as AgentRuntimeProviderError;
}
