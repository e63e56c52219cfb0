import { AgentRuntimeProviderError } from "../providers/errors";
import type { UrlProvider } from "../providers/types";
import { jitteredDelay, resolvedCeiling, type ResolvedRetryOptions } from "./backoff";
import type { TimerSlots } from "./named-timers";
import { isUsable, toReadyUrl, type ReadyUrl } from "./ready-url";

/** Never schedule URL prefetches closer together than this (ms). */
export const MIN_PREFETCH_DELAY_MS = 1_000;

interface UrlRequest {
  promise: Promise<ReadyUrl>;
  controller: AbortController;
}

/** What a {@link UrlSupply} needs. */
export interface UrlSupplyOptions {
  urlProvider: UrlProvider;
  sessionId: string;
  prefetchMarginMs: number;
  urlSafetyMarginMs: number;
  retry: ResolvedRetryOptions;
  timers: TimerSlots<"prefetch">;
  /** Called when the conversation adopts the session id a backend bound to its user. */
  onSessionAdopted(sessionId: string): void;
}

/**
 * Where a connection's URLs come from: the next URL, checked and skew-corrected, kept ready;
 * at most one provider request at a time; the next URL fetched ahead while a stream is open;
 * and the session id, adopted from the first answer and required of every later one.
 */
export class UrlSupply {
  #sessionId: string;
  /** Set by the first provider answer: from then on every answer must carry this id. */
  #sessionFixed = false;
  #ready: ReadyUrl | null = null;
  #request: UrlRequest | null = null;
  #prefetchAttempt = 0;
  /** Bumped by every start and stop, so a prefetch of an earlier stream stops rescheduling. */
  #prefetchRun = 0;
  readonly #options: UrlSupplyOptions;

  constructor(options: UrlSupplyOptions) {
    this.#options = options;
    this.#sessionId = options.sessionId;
  }

  /** The conversation's runtime session id (the provider's bound id once adopted). */
  get sessionId(): string {
    return this.#sessionId;
  }

  /** The ready URL when it may still be opened at `now`. */
  usable(now: number): ReadyUrl | null {
    const ready = this.#ready;
    return ready && isUsable(ready, now, this.#options.urlSafetyMarginMs) ? ready : null;
  }

  /** Whether `ready` may still be opened at `now`, keeping the safety margin in hand. */
  isUsable(ready: ReadyUrl, now: number): boolean {
    return isUsable(ready, now, this.#options.urlSafetyMarginMs);
  }

  /** Forgets the ready URL (refused, or about to expire). */
  discard(): void {
    this.#ready = null;
  }

  /** Asks the provider for a URL, or joins the request already in flight (never two at once). */
  request(attempt: number): Promise<ReadyUrl> {
    if (this.#request) return this.#request.promise;
    const controller = new AbortController();
    const promise = this.#ask(controller, attempt);
    const request: UrlRequest = { promise, controller };
    this.#request = request;
    promise.then(
      (ready) => {
        if (this.#request !== request) return;
        this.#request = null;
        this.#ready = ready;
      },
      () => {
        if (this.#request === request) this.#request = null;
      },
    );
    return promise;
  }

  /** Aborts the request in flight, if any; its answer is ignored. */
  abort(): void {
    const request = this.#request;
    this.#request = null;
    request?.controller.abort();
  }

  /**
   * Keeps the next URL ready while `isOpen()`: fetch `prefetchMarginMs` before the current one
   * expires, but never sooner than halfway through its usable life (a margin longer than a URL
   * lives must not make the connection fetch in a loop). Failures retry with backoff.
   */
  startPrefetch(isOpen: () => boolean): void {
    const run = ++this.#prefetchRun;
    this.#prefetchAttempt = 0;
    this.#schedulePrefetch(() => run === this.#prefetchRun && isOpen());
  }

  stopPrefetch(): void {
    this.#prefetchRun++;
    this.#options.timers.clear("prefetch");
  }

  async #ask(controller: AbortController, attempt: number): Promise<ReadyUrl> {
    const answer = await this.#options.urlProvider({
      sessionId: this.#sessionId,
      signal: controller.signal,
      attempt,
    });
    if (controller.signal.aborted) {
      throw new AgentRuntimeProviderError("URL request aborted", { code: "aborted" });
    }
    const ready = toReadyUrl(answer, Date.now());
    this.#adoptSessionId(ready.sessionId);
    return ready;
  }

  /**
   * The first provider answer fixes the session id: a presign backend may answer with the id
   * it bound to the caller, which the conversation adopts. Any later answer must carry it.
   */
  #adoptSessionId(sessionId: string): void {
    if (sessionId === this.#sessionId) {
      this.#sessionFixed = true;
      return;
    }
    if (this.#sessionFixed) {
      throw new AgentRuntimeProviderError(
        "The URL provider answered for another session id than this conversation's",
        { code: "session-mismatch" },
      );
    }
    this.#sessionId = sessionId;
    this.#sessionFixed = true;
    this.#options.onSessionAdopted(sessionId);
  }

  #schedulePrefetch(isOpen: () => boolean, delay?: number): void {
    this.#options.timers.start("prefetch", delay ?? this.#prefetchDelay(), () => {
      void this.#prefetch(isOpen);
    });
  }

  #prefetchDelay(): number {
    const ready = this.#ready;
    if (!ready) return 0;
    const now = Date.now();
    const { prefetchMarginMs, urlSafetyMarginMs } = this.#options;
    const usableFor = ready.localExpiresAt - urlSafetyMarginMs - now;
    return Math.max(
      ready.localExpiresAt - prefetchMarginMs - now,
      usableFor / 2,
      MIN_PREFETCH_DELAY_MS,
    );
  }

  async #prefetch(isOpen: () => boolean): Promise<void> {
    if (!isOpen()) return;
    try {
      await this.request(this.#prefetchAttempt);
    } catch {
      if (!isOpen()) return;
      this.#prefetchAttempt += 1;
      const { retry } = this.#options;
      const ceiling = resolvedCeiling(this.#prefetchAttempt, retry);
      this.#schedulePrefetch(isOpen, jitteredDelay(ceiling, retry.random()));
      return;
    }
    if (!isOpen()) return;
    this.#prefetchAttempt = 0;
    this.#schedulePrefetch(isOpen);
  }
}
