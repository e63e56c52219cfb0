import type { AgentEvent, AgentReply, Codec } from "../codecs/types";
import type { UrlProvider } from "../providers/types";
import type { ConnectionPersistence, DeliveryPosition } from "./persistence-port";
import type { ConnectionReason } from "./reasons";

/** Where a connection is in its life. */
export type ConnectionStatus =
  "idle" | "connecting" | "open" | "reconnecting" | "closed" | "failed";

/** Delivery state of one outgoing message. */
export type OutboxStatus = "queued" | "sent" | "failed";

/** One message handed to `send()`. */
export interface OutboxEntry<Outgoing = string> {
  /** The id `send()` returned. */
  id: string;
  message: Outgoing;
  status: OutboxStatus;
  /** Why it failed, when it did. */
  error?: Error;
}

/** An immutable picture of a connection; a new object whenever anything in it changes. */
export interface ConnectionSnapshot<Outgoing = string> {
  status: ConnectionStatus;
  /** The runtime session id, stable for the life of the conversation. */
  sessionId: string;
  /**
   * Consecutive failed attempts since the last healthy stream (one that stayed open
   * `healthyStreamMs`); it drives the backoff.
   */
  attempt: number;
  /** Epoch ms of the next reconnect attempt while `reconnecting`, else `null`. */
  nextRetryAt: number | null;
  /** Why the connection is not open, as a code (labels turn it into text), or `null`. */
  reason: ConnectionReason | null;
  /** The close code of the last socket close, or `null`. */
  lastCloseCode: number | null;
  /** The last error (provider, socket or codec), or `null`. */
  error: Error | null;
  /** `false` while the browser reports being offline. */
  online: boolean;
  /**
   * Messages in send order: every `queued` and `failed` entry, and the most recent `sent` ones
   * (older `sent` entries are dropped when a new message is added, so the outbox stays small).
   */
  outbox: ReadonlyArray<OutboxEntry<Outgoing>>;
}

/**
 * What an app can do to a conversation's connection. Declared once: the connection implements
 * it, the conversation store extends it, and the hook and the chat UI pick from it.
 */
export interface ConnectionActions<Outgoing = string> {
  /**
   * Starts connecting (`idle`, `closed` or `failed` -> `connecting`). Does nothing while already
   * connecting, open or reconnecting.
   */
  connect(): void;
  /**
   * Queues a message and sends it at once when the stream is open (else on the next open, in
   * order). Returns its id.
   *
   * @throws {AgentRuntimeFrameTooLargeError} when the encoded frame exceeds `maxFrameBytes`.
   * @throws {AgentRuntimeOutboxFullError} when `maxQueuedMessages` messages are already queued.
   * @throws {AgentRuntimeValidationError} (or the codec's own error) for a message the codec
   *   cannot encode.
   */
  send(message: Outgoing): string;
  /**
   * Queues a `failed` message again (same id, at the end of the queue). Does nothing for a
   * message that is not `failed`.
   *
   * @throws {AgentRuntimeUnknownMessageError} when no message has this id.
   * @throws {AgentRuntimeOutboxFullError} when the queue is full.
   */
  retry(id: string): void;
  /**
   * Forgets a `sent` or `failed` message (a queued one stays).
   *
   * @throws {AgentRuntimeUnknownMessageError} when no message has this id.
   */
  dismiss(id: string): void;
  /**
   * Ends the answer in progress for real: sends the codec's cancel frame where the protocol has
   * one; otherwise closes the stream and reopens it on the same session.
   */
  stop(): void;
  /** Drops the current socket (if any) and connects now, from any state, with the backoff reset. */
  reconnect(): void;
  /** Closes for good; queued messages stay, and a later `connect()` sends them. */
  close(): void;
}

/**
 * A connection as the conversation store sees it. `AgentRuntimeConnection` implements it; so
 * can any object of this shape (a custom transport, or a test double).
 */
export interface ConversationConnection<Outgoing = string> extends ConnectionActions<Outgoing> {
  /** The runtime session id (it may change once, when a backend binds it to its user). */
  readonly sessionId: string;
  /** The current snapshot: the same object until something changes. */
  getSnapshot(): ConnectionSnapshot<Outgoing>;
  /** Calls `listener` after every snapshot change. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Calls `listener` with every decoded agent event, in order. Returns the unsubscribe function. */
  onEvent(listener: (event: AgentEvent) => void): () => void;
  /**
   * Sends client tool results and interrupt answers through the codec's `encodeReply`: at once
   * when the stream is open, else on the next open, ahead of queued messages; like `send()`, it
   * reopens a stream the agent ended. Optional: without it, the conversation cannot answer tool
   * calls or interrupts.
   *
   * @throws {AgentRuntimeValidationError} when the codec has no `encodeReply`.
   * @throws {AgentRuntimeFrameTooLargeError} when the frame exceeds `maxFrameBytes`.
   */
  sendReply?(reply: AgentReply): void;
  /** The codec it decodes with, where it has one: the store takes its `conversation` support. */
  readonly codec?: Codec<Outgoing>;
  /**
   * True when a dropped stream resumes where it stopped (the delivery protocol): an answer in
   * progress carries on instead of ending as interrupted, unless `resume-unavailable` comes.
   */
  readonly resumes?: boolean;
  /** For the store's `persist` option, not for apps: see {@link ConnectionPersistence}. */
  persistence?(): ConnectionPersistence<Outgoing>;
}

/** Backoff policy for reconnects and provider retries. */
export interface RetryOptions {
  /** Give up (status `failed`) after this many consecutive failures. Default: never. */
  maxAttempts?: number;
  /** First backoff ceiling in ms. Default 500. */
  initialDelayMs?: number;
  /** Largest backoff ceiling in ms. Default 30 000. */
  maxDelayMs?: number;
  /** Source of randomness for full jitter, for tests. Default `Math.random`. */
  random?: () => number;
}

/**
 * The part of a WebSocket the connection uses. The browser's `WebSocket` and Node's `ws`
 * both fit it. Handler parameters are typed `never` so that either implementation's own
 * event types are accepted; the connection checks what it receives at run time.
 */
export interface WebSocketLike {
  readonly readyState: number;
  /** Set to `"arraybuffer"` by the connection so binary frames arrive as `ArrayBuffer`. */
  binaryType: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: never) => void) | null;
  onmessage: ((event: never) => void) | null;
  onclose: ((event: never) => void) | null;
  onerror: ((event: never) => void) | null;
}

/** A WebSocket constructor: the browser's, or Node's `ws`. */
export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
  /** Only passed when the URL needs handshake headers; Node's `ws` reads `headers` from it. */
  options?: { headers?: Record<string, string> },
) => WebSocketLike;

/**
 * Tells the connection whether the network is reachable. The default reads
 * `navigator.onLine` and listens for `online`/`offline` where they exist, and reports
 * "online" everywhere else (Node, some workers).
 */
export interface OnlineSource {
  isOnline(): boolean;
  /** Calls `listener` whenever the answer changes; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void;
}

/** Options of `AgentRuntimeConnection`. */
export interface ConnectionOptions<Outgoing = string> {
  urlProvider: UrlProvider;
  /** The runtime session id; 33-256 visible ASCII characters. Random (crypto) when omitted. */
  sessionId?: string;
  codec?: Codec<Outgoing>;
  retry?: RetryOptions;
  /** Fetch the next URL this long before the current one expires. Default 60 000. */
  prefetchMarginMs?: number;
  /**
   * Never open a URL whose (skew-corrected) expiry is closer than this; fetch a fresh one
   * instead. Default 5 000.
   */
  urlSafetyMarginMs?: number;
  /** Largest frame `send()` accepts, in UTF-8 bytes. Default 32 768 (the service's limit). */
  maxFrameBytes?: number;
  /** Most messages the outbox holds while not open. Default 100. */
  maxQueuedMessages?: number;
  /**
   * Send a heartbeat frame after this long without traffic (ms). Off by default. The frame is
   * `frame` when given, else the codec's `heartbeat()`; one of them is required.
   */
  heartbeat?: { intervalMs: number; frame?: string };
  /**
   * The delivery protocol (docs/delivery.md), from `agentcore-react/delivery`:
   * `delivery: deliveryProtocol()`. Every message is sent until the agent acknowledges it and
   * handed to the agent once; the agent's frames are numbered, and a new stream resumes where
   * the last one stopped, so an answer carries on across a drop. Only for agents that speak it
   * (the agent-side helpers do). Off by default.
   */
  delivery?: DeliveryProtocol;
  /** The WebSocket implementation. Defaults to `globalThis.WebSocket`. */
  WebSocket?: WebSocketConstructor;
  /** Where online/offline comes from. Defaults to `navigator.onLine` and window events. */
  onlineSource?: OnlineSource;
  /**
   * The service's longest stream life (ms). A close at or after this age reconnects at once
   * on the same session instead of counting as a failure. Default 3 600 000 (60 min).
   */
  streamLifetimeMs?: number;
  /**
   * The service's idle timeout (ms). A close after this long without traffic reconnects at
   * once on the same session. Default 900 000 (900 s).
   */
  idleTimeoutMs?: number;
  /**
   * Longest wait for the URL provider (ms). A provider that has not answered by then counts as
   * failed (reason `provider-timeout`): its request is aborted and the next attempt asks anew.
   * Default 20 000.
   */
  providerTimeoutMs?: number;
  /**
   * Longest wait for the WebSocket upgrade (ms). A socket that has not opened by then is closed
   * and the attempt counts as failed (reason `handshake-timeout`). Default 15 000.
   */
  handshakeTimeoutMs?: number;
  /**
   * How long a stream must stay open before it counts as healthy and the backoff starts over
   * (ms). Until then a close counts as one more failed attempt, so a runtime that accepts and
   * closes at once meets a growing backoff. Default 5 000.
   */
  healthyStreamMs?: number;
  /**
   * Largest frame accepted from the agent, in bytes. A larger frame is not decoded: it becomes
   * an `error` event with code `frame-too-large`. Default 1 048 576 (the service's own limit
   * is 32 KB; this guards against a hostile or broken agent).
   */
  maxInboundFrameBytes?: number;
}

/** What a delivery protocol gets from the connection it runs on. */
export interface DeliveryIo {
  /** Sends a frame of the protocol on the open stream; `false` when the socket cannot take it. */
  send(frame: string): boolean;
  /** The agent has the message or reply `id`: it is never sent again. */
  delivered(id: string): void;
  /** Sends what waited for the protocol (`ready` turned true). */
  flush(): void;
  /** Tells the app's event listeners (`resume-unavailable`, unreadable frames). */
  emit(event: AgentEvent): void;
  /** Runs `run` after `ms`, replacing the protocol's pending timer; `clearTimer()` cancels it. */
  setTimer(ms: number, run: () => void): void;
  clearTimer(): void;
}

/** A delivery protocol running on one connection. */
export interface DeliveryChannel {
  /** Whether messages may go out on the current stream. */
  readonly ready: boolean;
  /** The frame for the message or reply `id`, around the codec's `frame`. */
  wrap(id: string, frame: string): string;
  /** A stream opened. */
  opened(): void;
  /** The stream closed. */
  closed(): void;
  /** Reads a frame from the agent: the codec's frame inside it, or `undefined` for none. */
  receive(data: unknown): string | undefined;
  /** The frame a heartbeat sends. */
  heartbeatFrame(): string;
  /**
   * Where the client stands in the agent's frames (`epoch` is `null` before the first
   * `@hello`); `persist` restores it before the first stream.
   */
  readonly state?: DeliveryPosition;
  /**
   * The frames up to `applied` are durably saved (`persist`): from the first call on, the
   * client acknowledges (and resumes from) nothing beyond the last `applied` it was told.
   */
  durable?(applied: number): void;
}

/** Makes the {@link DeliveryChannel} of one connection (see `agentcore-react/delivery`). */
export type DeliveryProtocol = (io: DeliveryIo) => DeliveryChannel;
