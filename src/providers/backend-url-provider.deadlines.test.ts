import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { backendUrlProvider } from "./backend-url-provider";
import { context, providerError } from "./test-utils/backend-fetch";

describe("backendUrlProvider deadlines", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A fetch that never answers and ignores its signal, reporting the signal it got. */
  function hanging() {
    const signals: AbortSignal[] = [];
    const fetch = ((_input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.signal) signals.push(init.signal);
      return new Promise<Response>(() => {});
    }) as typeof globalThis.fetch;
    return { fetch, signals };
  }

  it("times out with code timeout after timeoutMs and aborts the request", async () => {
    const { fetch, signals } = hanging();
    const pending = backendUrlProvider({
      endpoint: "https://app.test/u",
      fetch,
      timeoutMs: 5000,
    })(context());
    const settled = providerError(pending);
    await vi.advanceTimersByTimeAsync(4999);
    expect(signals[0]?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    const error = await settled;
    expect(error.code).toBe("timeout");
    expect(signals[0]?.aborted).toBe(true);
  });

  it("defaults to a 10 s timeout", async () => {
    const { fetch } = hanging();
    const settled = providerError(
      backendUrlProvider({ endpoint: "https://app.test/u", fetch })(context()),
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await settled).code).toBe("timeout");
  });

  it("rejects with the abort reason when ctx.signal aborts, not a provider error", async () => {
    const { fetch, signals } = hanging();
    const controller = new AbortController();
    const pending = backendUrlProvider({ endpoint: "https://app.test/u", fetch })(
      context({ signal: controller.signal }),
    );
    const reason = new Error("superseded");
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    expect(signals[0]?.aborted).toBe(true);
  });

  it("rejects an already aborted request with an AbortError and never fetches", async () => {
    const { fetch, signals } = hanging();
    const controller = new AbortController();
    controller.abort();
    const error = await backendUrlProvider({ endpoint: "https://app.test/u", fetch })(
      context({ signal: controller.signal }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe("AbortError");
    expect(signals).toHaveLength(0);
  });
});
