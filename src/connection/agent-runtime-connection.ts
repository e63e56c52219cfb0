import { textCodec } from "../codecs/text-codec";
import type { AgentEvent, Codec, IncomingFrame } from "../codecs/types";
import { AgentRuntimeProviderError } from "../providers/errors";
import type { UrlProvider } from "../providers/types";
import { AgentRuntimeValidationError } from "../core/errors";
import { computeBackoff, resolveRetryOptions, type ResolvedRetryOptions } from "./backoff";
import { classifyClose, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_STREAM_LIFETIME_MS } from "./close-policy";
import { AgentRuntimeFrameTooLargeError, AgentRuntimeSocketClosedError } from "./errors";
import { toError } from "../core/errors";
import { listen, notify } from "../core/listeners";
import { numberOption } from "../core/number-option";
import { navigatorOnlineSource } from "./online-source";
import { Outbox } from "./outbox";
import { isUsable, toReadyUrl, type ReadyUrl } from "./ready-url";
import { assertSessionId, createSessionId, randomUuid } from "../core/session-id";
import type {
  ConnectionOptions,
  ConnectionSnapshot,
  OnlineSource,
  OutboxEntry,
  WebSocketConstructor,
  WebSocketLike,
} from "./types";
import { utf8ByteLength } from "./utf8";

/** Default `prefetchMarginMs`. */
export const DEFAULT_PREFETCH_MARGIN_MS = 60_000;
/** Default `urlSafetyMarginMs`. */
export const DEFAULT_URL_SAFETY_MARGIN_MS = 5_000;
/** Default `maxFrameBytes`: the service's 32 KB frame limit. */
export const DEFAULT_MAX_FRAME_BYTES = 32 * 1024;
/** Default `maxQueuedMessages`. */
export const DEFAULT_MAX_QUEUED_MESSAGES = 100;
/** Never schedule URL prefetches closer together than this (ms). */
export const MIN_PREFETCH_DELAY_MS = 1_000;
/**
 * How long a new socket waits for one we closed ourselves to finish closing (ms), so the
 * runtime never sees two streams of one session at once; after that it opens anyway.
 */
export const CLOSE_WAIT_MS = 1_000;

const OPEN = 1;
const CLIENT_CLOSE_CODE = 1000;
const OFFLINE_REASON = "offline; waiting for the network";

type TimerName = "retry" | "prefetch" | "heartbeat" | "closeWait";

interface UrlRequest {
  promise: Promise<ReadyUrl>;
  controller: AbortController;
}

interface MessageEventLike {
  data?: unknown;
}

interface CloseEventLike {
  code?: unknown;
  reason?: unknown;
}

/** Binary frames arrive as `ArrayBuffer` (browsers, `ws` with binaryType arraybuffer) or a Uint8Array view. */
function toIncomingFrame(data: unknown): IncomingFrame | undefined {
  if (typeof data === "string") return data;
  if (
    data instanceof ArrayBuffer ||
    Object.prototype.toString.call(data) === "[object ArrayBuffer]"
  ) {
    return data as ArrayBuffer;
  }
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return undefined;
}

function noop(): void {}

/**
 * Stops listening to a socket we no longer want. Browsers fire nothing harmful after that, but
 * Node's `ws` emits `error` while aborting a handshake and throws when nobody listens, so a
 * no-op error listener stays until the socket reports it is closed, then everything goes.
 */
function detach(socket: WebSocketLike, onClosed: () => void): void {
  socket.onopen = null;
  socket.onmessage = null;
  socket.onerror = noop;
  socket.onclose = () => {
    socket.onerror = null;
    socket.onclose = null;
    onClosed();
  };
}

/**
 * One conversation with an agent on AgentCore Runtime over WebSocket: the socket state machine,
 * the retry policy, presigned-URL refresh and the outbox. Framework-free; runs in browsers,
 * Node (with `ws`) and workers. The React hook is a thin binding over it.
 *
 * ```ts
 * const connection = new AgentRuntimeConnection({ urlProvider });
 * connection.onEvent((event) => { if (event.type === "text-delta") render(event.delta); });
 * connection.connect();
 * connection.send("Hello!");
 * ```
 *
 * Never opens two sockets at once; events from a socket it replaced are ignored. See
 * docs/connection.md for the states, the close-code policy and the outbox rules.
 */
export class AgentRuntimeConnection<Outgoing = string> {
  readonly #provider: UrlProvider;
  readonly #codec: Codec<Outgoing>;
  readonly #retry: ResolvedRetryOptions;
  readonly #prefetchMarginMs: number;
  readonly #safetyMarginMs: number;
  readonly #maxFrameBytes: number;
  readonly #heartbeat: { intervalMs: number; frame: () => string } | undefined;
  readonly #WebSocket: WebSocketConstructor | undefined;
  readonly #onlineSource: OnlineSource;
  readonly #streamLifetimeMs: number;
  readonly #idleTimeoutMs: number;
  readonly #outbox: Outbox<Outgoing>;

  readonly #listeners = new Set<() => void>();
  readonly #eventListeners = new Set<(event: AgentEvent) => void>();
  #snapshot: ConnectionSnapshot<Outgoing>;

  #sessionId: string;
  /** Set by the first provider answer: from then on every answer must carry this id. */
  #sessionFixed = false;

  /** The URL to open next (or reopen), already checked and skew-corrected. */
  #ready: ReadyUrl | null = null;
  #urlRequest: UrlRequest | null = null;

  #socket: WebSocketLike | null = null;
  #socketOpen = false;
  #openedAt = 0;
  #lastTrafficAt = 0;
  /** The last outbox entry handed to the current socket, for a 1009 close. */
  #lastSent: { id: string; bytes: number } | null = null;

  #attempt = 0;
  #prefetchAttempt = 0;
  /** Bumped whenever a scheduled or awaiting connection attempt must be forgotten. */
  #attemptToken = 0;
  #online: boolean;
  #unsubscribeOnline: (() => void) | null = null;

  /** Sockets we closed ourselves that have not reported their close yet. */
  readonly #closing = new Map<WebSocketLike, Promise<void>>();
  readonly #timers = new Map<TimerName, ReturnType<typeof setTimeout>>();

  /**
   * @throws {AgentRuntimeValidationError} for a missing `urlProvider`, a session id that is not
   *   33-256 visible ASCII characters, out-of-range numbers, or a heartbeat without a frame.
   */
  constructor(options: ConnectionOptions<Outgoing>) {
    if (typeof options?.urlProvider !== "function") {
      throw new AgentRuntimeValidationError("urlProvider must be a function");
    }
    this.#provider = options.urlProvider;
    this.#codec = options.codec ?? (textCodec as unknown as Codec<Outgoing>);
    this.#retry = resolveRetryOptions(options.retry);
    this.#prefetchMarginMs = numberOption(
      "prefetchMarginMs",
      options.prefetchMarginMs ?? DEFAULT_PREFETCH_MARGIN_MS,
      "a finite number >= 0",
    );
    this.#safetyMarginMs = numberOption(
      "urlSafetyMarginMs",
      options.urlSafetyMarginMs ?? DEFAULT_URL_SAFETY_MARGIN_MS,
      "a finite number >= 0",
    );
    this.#maxFrameBytes = numberOption(
      "maxFrameBytes",
      options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
      "a whole number >= 1",
    );
    this.#streamLifetimeMs = numberOption(
      "streamLifetimeMs",
      options.streamLifetimeMs ?? DEFAULT_STREAM_LIFETIME_MS,
      "a finite number > 0",
    );
    this.#idleTimeoutMs = numberOption(
      "idleTimeoutMs",
      options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      "a finite number > 0",
    );
    this.#outbox = new Outbox(
      numberOption(
        "maxQueuedMessages",
        options.maxQueuedMessages ?? DEFAULT_MAX_QUEUED_MESSAGES,
        "a whole number >= 1",
      ),
    );
    if (options.heartbeat !== undefined) {
      const intervalMs = numberOption(
        "heartbeat.intervalMs",
        options.heartbeat.intervalMs,
        "a finite number > 0",
      );
      const { frame } = options.heartbeat;
      const codec = this.#codec;
      if (frame === undefined && typeof codec.heartbeat !== "function") {
        throw new AgentRuntimeValidationError(
          `heartbeat.frame is required: the ${codec.name} codec has no heartbeat()`,
        );
      }
      this.#heartbeat = {
        intervalMs,
        frame: frame !== undefined ? () => frame : () => codec.heartbeat!(),
      };
    }
    this.#WebSocket = options.WebSocket;
    this.#onlineSource = options.onlineSource ?? navigatorOnlineSource;
    this.#sessionId =
      options.sessionId === undefined ? createSessionId() : assertSessionId(options.sessionId);
    this.#online = this.#readOnline();
    this.#snapshot = {
      status: "idle",
      sessionId: this.#sessionId,
      attempt: 0,
      nextRetryAt: null,
      reason: null,
      lastCloseCode: null,
      error: null,
      online: this.#online,
      outbox: this.#outbox.entries,
    };
  }

  /** The conversation's runtime session id (the provider's bound id once adopted). */
  get sessionId(): string {
    return this.#sessionId;
  }

  /** The current snapshot: the same object until something changes (safe for `useSyncExternalStore`). */
  getSnapshot(): ConnectionSnapshot<Outgoing> {
    return this.#snapshot;
  }

  /** Calls `listener` after every snapshot change. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    return listen(this.#listeners, listener);
  }

  /** Calls `listener` with every event the codec decodes, in order. Returns the unsubscribe function. */
  onEvent(listener: (event: AgentEvent) => void): () => void {
    return listen(this.#eventListeners, listener);
  }

  /**
   * Starts connecting (`idle`, `closed` or `failed` -> `connecting`). Does nothing while already
   * connecting, open or reconnecting. The work starts in a microtask, so a `connect(); close();
   * connect()` run (React StrictMode) asks the provider once and opens one socket.
   */
  connect(): void {
    const { status } = this.#snapshot;
    if (status === "connecting" || status === "open" || status === "reconnecting") return;
    this.#startOver("connecting");
  }

  /**
   * Queues a message and sends it at once when the stream is open (else on the next open, in
   * order). Never connects by itself.
   *
   * @returns the outbox id of the message.
   * @throws {AgentRuntimeFrameTooLargeError} when the encoded frame exceeds `maxFrameBytes`.
   * @throws {AgentRuntimeOutboxFullError} when `maxQueuedMessages` messages are already queued.
   * @throws whatever the codec throws for a message it cannot encode (e.g. `TypeError`).
   */
  send(message: Outgoing): string {
    const id = randomUuid();
    const frame = this.#codec.encode(message, { messageId: id, sessionId: this.#sessionId });
    const bytes = utf8ByteLength(frame);
    if (bytes > this.#maxFrameBytes)
      throw new AgentRuntimeFrameTooLargeError(bytes, this.#maxFrameBytes);
    this.#outbox.add({ id, message, status: "queued" });
    this.#flush();
    this.#set({});
    return id;
  }

  /**
   * Queues a `failed` message again (same id, at the end of the queue); it is sent when the
   * stream is open. Does nothing for a message that is not `failed`.
   *
   * @throws {AgentRuntimeUnknownMessageError} when the outbox holds no message with this id.
   * @throws {AgentRuntimeOutboxFullError} when the queue is full.
   */
  retry(id: string): void {
    if (!this.#outbox.requeue(id)) return;
    this.#flush();
    this.#set({});
  }

  /**
   * Removes a `sent` or `failed` message from the outbox (a queued one stays).
   *
   * @throws {AgentRuntimeUnknownMessageError} when the outbox holds no message with this id.
   */
  dismiss(id: string): void {
    if (this.#outbox.dismiss(id)) this.#set({});
  }

  /**
   * Ends the answer in progress for real: sends the codec's cancel frame where the protocol has
   * one; otherwise closes the stream and reopens it on the same session (a stream close ends the
   * agent's run). Does nothing unless the stream is open.
   */
  stop(): void {
    const socket = this.#socket;
    if (!socket || !this.#socketOpen) return;
    if (typeof this.#codec.cancel === "function" && socket.readyState === OPEN) {
      try {
        socket.send(this.#codec.cancel({ sessionId: this.#sessionId }));
        this.#lastTrafficAt = Date.now();
        return;
      } catch {
        // A codec whose cancel() throws gets the close-and-reopen fallback.
      }
    }
    this.#dropSocket("stopped");
    this.#set({
      status: "reconnecting",
      nextRetryAt: null,
      reason: "stopped; reopening the stream",
    });
    this.#scheduleAttempt("now");
  }

  /** Drops the current socket (if any) and connects now, from any state, with the backoff reset. */
  reconnect(): void {
    const { status } = this.#snapshot;
    this.#dropSocket("reconnecting");
    this.#startOver(status === "open" || status === "reconnecting" ? "reconnecting" : "connecting");
  }

  /**
   * Closes for good: status `closed`, the socket closed, provider calls aborted, every timer
   * cleared and every socket/online listener removed. Queued messages stay; a later
   * `connect()` starts again and sends them.
   */
  close(): void {
    this.#shutDown("closed");
  }

  // ---- connection attempts ---------------------------------------------------------------

  /** Connects now with the backoff reset, watching online/offline. */
  #startOver(status: "connecting" | "reconnecting"): void {
    this.#attempt = 0;
    this.#watchOnline();
    this.#set({ status, attempt: 0, nextRetryAt: null, reason: null, error: null });
    this.#scheduleAttempt("now");
  }

  #scheduleAttempt(delay: number | "now"): void {
    this.#clearTimer("retry");
    const token = ++this.#attemptToken;
    const run = (): void => {
      if (token === this.#attemptToken) void this.#attemptNow(token);
    };
    if (delay === "now") queueMicrotask(run);
    else this.#startTimer("retry", delay, run);
  }

  async #attemptNow(token: number): Promise<void> {
    if (!this.#online) {
      this.#set({ nextRetryAt: null, reason: OFFLINE_REASON });
      return;
    }
    if (this.#snapshot.nextRetryAt !== null) this.#set({ nextRetryAt: null });
    let ready = this.#usableReadyUrl();
    if (!ready) {
      try {
        ready = await this.#requestUrl(this.#attempt);
      } catch (error) {
        if (token === this.#attemptToken)
          this.#attemptFailed(toError(error), "the URL provider failed");
        return;
      }
      if (token !== this.#attemptToken) return;
    }
    if (this.#closing.size > 0) {
      await this.#previousSocketsClosed();
      if (token !== this.#attemptToken) return;
    }
    // The network may have gone while the provider answered; going online schedules a new try.
    if (!this.#online) {
      this.#set({ nextRetryAt: null, reason: OFFLINE_REASON });
      return;
    }
    // Checked at the last moment: a URL is only valid at the upgrade, and time passed above.
    if (!isUsable(ready, Date.now(), this.#safetyMarginMs)) {
      if (this.#ready === ready) this.#ready = null;
      this.#attemptFailed(
        new AgentRuntimeProviderError("The URL provider answered with an expired URL", {
          code: "expired-url",
        }),
        "the URL provider answered with an expired URL",
      );
      return;
    }
    this.#openSocket(ready);
  }

  /**
   * Waits until every socket we closed has closed, or {@link CLOSE_WAIT_MS} at most; a socket
   * that never reports its close is given up on then, so it cannot delay later attempts.
   */
  async #previousSocketsClosed(): Promise<void> {
    const waitedOn = Promise.all(this.#closing.values());
    const closedInTime = await new Promise<boolean>((resolve) => {
      this.#startTimer("closeWait", CLOSE_WAIT_MS, () => resolve(false));
      void waitedOn.then(() => {
        this.#clearTimer("closeWait");
        resolve(true);
      });
    });
    if (!closedInTime) this.#closing.clear();
  }

  #usableReadyUrl(): ReadyUrl | null {
    const ready = this.#ready;
    if (ready && isUsable(ready, Date.now(), this.#safetyMarginMs)) return ready;
    return null;
  }

  /** Asks the provider for a URL, or joins the request already in flight (never two at once). */
  #requestUrl(attempt: number): Promise<ReadyUrl> {
    if (this.#urlRequest) return this.#urlRequest.promise;
    const controller = new AbortController();
    const promise = (async () => {
      const answer = await this.#provider({
        sessionId: this.#sessionId,
        signal: controller.signal,
        attempt,
      });
      if (controller.signal.aborted)
        throw new AgentRuntimeProviderError("URL request aborted", { code: "aborted" });
      const ready = toReadyUrl(answer, Date.now());
      this.#adoptSessionId(ready.sessionId);
      return ready;
    })();
    const request: UrlRequest = { promise, controller };
    this.#urlRequest = request;
    promise.then(
      (ready) => {
        if (this.#urlRequest !== request) return;
        this.#urlRequest = null;
        this.#ready = ready;
      },
      () => {
        if (this.#urlRequest === request) this.#urlRequest = null;
      },
    );
    return promise;
  }

  #abortUrlRequest(): void {
    const request = this.#urlRequest;
    this.#urlRequest = null;
    request?.controller.abort();
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
    this.#set({ sessionId });
  }

  #openSocket(ready: ReadyUrl): void {
    const Constructor =
      this.#WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (typeof Constructor !== "function") {
      this.#shutDown(
        "failed",
        new AgentRuntimeValidationError(
          "No global WebSocket: pass options.WebSocket (e.g. the ws package in Node)",
        ),
      );
      return;
    }
    let socket: WebSocketLike;
    try {
      if (ready.headers) {
        socket = new Constructor(ready.url, ready.protocols ?? [], { headers: ready.headers });
      } else {
        socket = ready.protocols
          ? new Constructor(ready.url, ready.protocols)
          : new Constructor(ready.url);
      }
    } catch (error) {
      this.#ready = null;
      this.#attemptFailed(toError(error), "the WebSocket could not be created");
      return;
    }
    try {
      socket.binaryType = "arraybuffer";
    } catch {
      // An implementation without binaryType still delivers text frames.
    }
    this.#socket = socket;
    this.#socketOpen = false;
    this.#lastSent = null;
    socket.onopen = () => this.#handleOpen(socket);
    socket.onmessage = (event: MessageEventLike) => this.#handleMessage(socket, event);
    socket.onclose = (event: CloseEventLike) => this.#handleClose(socket, event);
    // Browsers follow every error with a close; Node's ws needs a listener so it does not throw.
    socket.onerror = noop;
  }

  #attemptFailed(error: Error, reason: string, lastCloseCode?: number): void {
    this.#attempt += 1;
    const attempt = this.#attempt;
    const closeCode = lastCloseCode === undefined ? {} : { lastCloseCode };
    if (attempt >= this.#retry.maxAttempts) {
      this.#shutDown(
        "failed",
        error,
        `gave up after ${attempt} failed attempts: ${reason}`,
        closeCode,
      );
      return;
    }
    if (!this.#online) {
      this.#attemptToken++;
      this.#set({
        status: "reconnecting",
        attempt,
        error,
        nextRetryAt: null,
        reason: OFFLINE_REASON,
        ...closeCode,
      });
      return;
    }
    const delay = computeBackoff(attempt, this.#retry);
    this.#set({
      status: "reconnecting",
      attempt,
      error,
      nextRetryAt: Date.now() + delay,
      reason,
      ...closeCode,
    });
    this.#scheduleAttempt(delay);
  }

  // ---- socket events -----------------------------------------------------------------------

  #handleOpen(socket: WebSocketLike): void {
    if (socket !== this.#socket) return;
    const now = Date.now();
    this.#socketOpen = true;
    this.#openedAt = now;
    this.#lastTrafficAt = now;
    this.#attempt = 0;
    this.#prefetchAttempt = 0;
    this.#flush();
    this.#set({ status: "open", attempt: 0, nextRetryAt: null, reason: null, error: null });
    this.#schedulePrefetch();
    this.#armHeartbeat();
  }

  #handleMessage(socket: WebSocketLike, event: MessageEventLike): void {
    if (socket !== this.#socket) return;
    this.#lastTrafficAt = Date.now();
    const frame = toIncomingFrame(event?.data);
    let events: AgentEvent[];
    if (frame === undefined) {
      events = [
        {
          type: "error",
          message: "Received a frame of an unsupported type",
          code: "unsupported-frame",
        },
      ];
    } else {
      try {
        events = this.#codec.decode(frame);
      } catch {
        events = [
          {
            type: "error",
            message: `The ${this.#codec.name} codec failed to decode a frame`,
            code: "codec-error",
          },
        ];
      }
    }
    for (const decoded of events) {
      // A listener may close or replace the socket; the rest of a stale frame is not delivered.
      if (socket !== this.#socket) return;
      notify(this.#eventListeners, decoded);
    }
  }

  #handleClose(socket: WebSocketLike, event: CloseEventLike): void {
    if (socket !== this.#socket) return;
    const code = typeof event?.code === "number" ? event.code : 1006;
    const peerReason = typeof event?.reason === "string" ? event.reason : "";
    const now = Date.now();
    const wasOpen = this.#socketOpen;
    const lastSent = this.#lastSent;
    this.#releaseSocket();
    socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    const decision = classifyClose(code, {
      wasOpen,
      streamAgeMs: wasOpen ? now - this.#openedAt : undefined,
      idleMs: wasOpen ? now - this.#lastTrafficAt : undefined,
      streamLifetimeMs: this.#streamLifetimeMs,
      idleTimeoutMs: this.#idleTimeoutMs,
    });
    if (decision.failLastSent && lastSent) {
      const error = new AgentRuntimeFrameTooLargeError(lastSent.bytes, undefined);
      this.#outbox.update(lastSent.id, (entry) => ({ ...entry, status: "failed", error }));
    }
    if (decision.discardUrl) this.#ready = null;
    if (decision.action === "final") {
      this.#shutDown("closed", null, decision.reason, { lastCloseCode: code });
      return;
    }
    if (decision.action === "resume") {
      this.#set({
        status: "reconnecting",
        nextRetryAt: null,
        reason: decision.reason,
        lastCloseCode: code,
        error: null,
      });
      this.#scheduleAttempt("now");
      return;
    }
    const error = new AgentRuntimeSocketClosedError(code, peerReason, decision.reason);
    this.#attemptFailed(error, decision.reason, code);
  }

  /** Forgets the current socket (already closed) and the timers that only live while open. */
  #releaseSocket(): void {
    this.#socket = null;
    this.#socketOpen = false;
    this.#lastSent = null;
    this.#clearTimer("heartbeat");
    this.#clearTimer("prefetch");
  }

  /** Closes the current socket ourselves and stops listening to it. */
  #dropSocket(reason: string): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#releaseSocket();
    let markClosed = noop;
    this.#closing.set(
      socket,
      new Promise<void>((resolve) => {
        markClosed = resolve;
      }),
    );
    detach(socket, () => {
      this.#closing.delete(socket);
      markClosed();
    });
    try {
      socket.close(CLIENT_CLOSE_CODE, reason);
    } catch {
      // Closing is best effort; the socket is forgotten either way.
    }
    if (socket.readyState === 3) {
      this.#closing.delete(socket);
      markClosed();
    }
  }

  /** Ends everything: `closed` by the client or the agent, or `failed` for good. */
  #shutDown(
    status: "closed" | "failed",
    error: Error | null = null,
    reason: string | null = status === "closed" ? "closed" : null,
    extra: Partial<ConnectionSnapshot<Outgoing>> = {},
  ): void {
    this.#attemptToken++;
    this.#dropSocket("closed");
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    this.#abortUrlRequest();
    this.#unwatchOnline();
    this.#attempt = status === "closed" ? 0 : this.#attempt;
    this.#set({ status, error, reason, nextRetryAt: null, attempt: this.#attempt, ...extra });
  }

  // ---- outbox ------------------------------------------------------------------------------

  /** Sends every queued message, in order, while the socket is open. */
  #flush(): void {
    for (const entry of this.#outbox.queued()) {
      if (!this.#transmit(entry)) return;
    }
  }

  /** Sends one entry; `false` when the socket cannot take it now (it stays queued). */
  #transmit(entry: OutboxEntry<Outgoing>): boolean {
    const socket = this.#socket;
    if (!socket || !this.#socketOpen || socket.readyState !== OPEN) return false;
    let frame: string;
    try {
      frame = this.#codec.encode(entry.message, {
        messageId: entry.id,
        sessionId: this.#sessionId,
      });
    } catch (error) {
      this.#outbox.update(entry.id, (current) => ({
        ...current,
        status: "failed",
        error: toError(error),
      }));
      return true;
    }
    const bytes = utf8ByteLength(frame);
    if (bytes > this.#maxFrameBytes) {
      const error = new AgentRuntimeFrameTooLargeError(bytes, this.#maxFrameBytes);
      this.#outbox.update(entry.id, (current) => ({ ...current, status: "failed", error }));
      return true;
    }
    try {
      socket.send(frame);
    } catch {
      return false;
    }
    this.#outbox.update(entry.id, ({ error: _error, ...current }) => ({
      ...current,
      status: "sent",
    }));
    this.#lastSent = { id: entry.id, bytes };
    this.#lastTrafficAt = Date.now();
    return true;
  }

  // ---- URL prefetch ------------------------------------------------------------------------

  /**
   * Keeps the next URL ready while open: fetch `prefetchMarginMs` before the current one
   * expires, but never sooner than halfway through its usable life (a margin longer than a
   * URL lives must not make the connection fetch in a loop).
   */
  #schedulePrefetch(delay?: number): void {
    this.#clearTimer("prefetch");
    if (!this.#socketOpen) return;
    let wait = delay;
    if (wait === undefined) {
      const ready = this.#ready;
      const now = Date.now();
      if (!ready) {
        wait = 0;
      } else {
        const usableFor = ready.localExpiresAt - this.#safetyMarginMs - now;
        wait = Math.max(
          ready.localExpiresAt - this.#prefetchMarginMs - now,
          usableFor / 2,
          MIN_PREFETCH_DELAY_MS,
        );
      }
    }
    this.#startTimer("prefetch", wait, () => void this.#prefetch());
  }

  async #prefetch(): Promise<void> {
    const socket = this.#socket;
    if (!socket || !this.#socketOpen) return;
    try {
      await this.#requestUrl(this.#prefetchAttempt);
    } catch {
      if (socket !== this.#socket || !this.#socketOpen) return;
      this.#prefetchAttempt += 1;
      this.#schedulePrefetch(computeBackoff(this.#prefetchAttempt, this.#retry));
      return;
    }
    if (socket !== this.#socket || !this.#socketOpen) return;
    this.#prefetchAttempt = 0;
    this.#schedulePrefetch();
  }

  // ---- heartbeat ---------------------------------------------------------------------------

  /** Fires `intervalMs` after the last frame either way; re-arms itself for the remainder otherwise. */
  #armHeartbeat(): void {
    const heartbeat = this.#heartbeat;
    if (!heartbeat || !this.#socketOpen) return;
    this.#clearTimer("heartbeat");
    const due = this.#lastTrafficAt + heartbeat.intervalMs - Date.now();
    this.#startTimer("heartbeat", Math.max(0, due), () => this.#beat());
  }

  #beat(): void {
    const socket = this.#socket;
    const heartbeat = this.#heartbeat;
    if (!socket || !heartbeat || !this.#socketOpen) return;
    if (Date.now() - this.#lastTrafficAt >= heartbeat.intervalMs && socket.readyState === OPEN) {
      try {
        socket.send(heartbeat.frame());
        this.#lastTrafficAt = Date.now();
      } catch {
        // The close that follows a failed send is handled by the close policy.
      }
    }
    this.#armHeartbeat();
  }

  // ---- online / offline --------------------------------------------------------------------

  #readOnline(): boolean {
    try {
      return this.#onlineSource.isOnline() !== false;
    } catch {
      return true;
    }
  }

  #watchOnline(): void {
    if (this.#unsubscribeOnline) return;
    this.#online = this.#readOnline();
    this.#unsubscribeOnline = this.#onlineSource.subscribe((online) => this.#handleOnline(online));
    this.#set({ online: this.#online });
  }

  #unwatchOnline(): void {
    const unsubscribe = this.#unsubscribeOnline;
    this.#unsubscribeOnline = null;
    unsubscribe?.();
  }

  #handleOnline(online: boolean): void {
    if (online === this.#online) return;
    this.#online = online;
    const { status } = this.#snapshot;
    const waiting = status === "connecting" || status === "reconnecting";
    if (!online) {
      if (waiting && this.#timers.has("retry")) {
        this.#clearTimer("retry");
        this.#attemptToken++;
      }
      this.#set(waiting ? { online, nextRetryAt: null, reason: OFFLINE_REASON } : { online });
      return;
    }
    this.#set({ online });
    if (waiting && !this.#socket) this.#scheduleAttempt("now");
  }

  // ---- plumbing ----------------------------------------------------------------------------

  /** Runs `run` after `ms`, replacing the timer of that name. */
  #startTimer(name: TimerName, ms: number, run: () => void): void {
    this.#clearTimer(name);
    this.#timers.set(
      name,
      setTimeout(() => {
        this.#timers.delete(name);
        run();
      }, ms),
    );
  }

  #clearTimer(name: TimerName): void {
    clearTimeout(this.#timers.get(name));
    this.#timers.delete(name);
  }

  /** Publishes a new snapshot when anything in it (or the outbox) changed. */
  #set(patch: Partial<ConnectionSnapshot<Outgoing>>): void {
    const current = this.#snapshot;
    const next: ConnectionSnapshot<Outgoing> = {
      ...current,
      ...patch,
      outbox: this.#outbox.entries,
    };
    const changed = (Object.keys(next) as Array<keyof ConnectionSnapshot<Outgoing>>).some(
      (key) => next[key] !== current[key],
    );
    if (!changed) return;
    this.#snapshot = next;
    notify(this.#listeners);
  }
}
