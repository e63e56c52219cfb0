import type { Codec } from "../codecs/types";
import type { UrlProvider } from "../providers/types";

/** Where a connection is in its life. */
export type ConnectionStatus = "idle" | "connecting" | "open" | "reconnecting" | "closed" | "failed";

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
  /** Consecutive failed attempts since the last successful open. */
  attempt: number;
  /** Epoch ms of the next reconnect attempt while `reconnecting`, else `null`. */
  nextRetryAt: number | null;
  /** Why the connection is not open (human-readable), or `null`. */
  reason: string | null;
  /** The close code of the last socket close, or `null`. */
  lastCloseCode: number | null;
  /** The last error (provider, socket or codec), or `null`. */
  error: Error | null;
  /** `false` while the browser reports being offline. */
  online: boolean;
  /** Messages in send order; sent ones stay until the next answer starts being reported. */
  outbox: ReadonlyArray<OutboxEntry<Outgoing>>;
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

/** A WebSocket constructor: the browser's, or Node's `ws`. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocket;

/** Options of `AgentRuntimeConnection`. */
export interface ConnectionOptions<Outgoing = string> {
  urlProvider: UrlProvider;
  /** The runtime session id; 33-256 characters. Random (crypto) when omitted. */
  sessionId?: string;
  codec?: Codec<Outgoing>;
  retry?: RetryOptions;
  /** Fetch the next URL this long before the current one expires. Default 60 000. */
  prefetchMarginMs?: number;
  /** Largest frame `send()` accepts, in UTF-8 bytes. Default 32 768 (the service's limit). */
  maxFrameBytes?: number;
  /** Most messages the outbox holds while not open. Default 100. */
  maxQueuedMessages?: number;
  /** Send the codec's heartbeat frame after this long without traffic (ms). Off by default. */
  heartbeat?: { intervalMs: number };
  /** The WebSocket implementation. Defaults to `globalThis.WebSocket`. */
  WebSocket?: WebSocketConstructor;
}
