import { textCodec } from "../codecs/text-codec";
import { isMessageWithAttachments } from "../core/attachment-reference";
import { invalidOption } from "../core/option-checks";
import type { Codec } from "../codecs/types";
import { AgentRuntimeValidationError } from "../core/errors";
import { numberOption } from "../core/number-option";
import { assertSessionId, createSessionId } from "../core/session-id";
import type { UrlProvider } from "../providers/types";
import { resolveRetryOptions, type ResolvedRetryOptions } from "./backoff";
import { DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_STREAM_LIFETIME_MS } from "./close-policy";
import type { HeartbeatSettings } from "./heartbeat";
import type { MachinePolicy } from "./machine-types";
import { navigatorOnlineSource } from "./online-source";
import type {
  ConnectionOptions,
  DeliveryProtocol,
  OnlineSource,
  WebSocketConstructor,
} from "./types";

/** Default `prefetchMarginMs`. */
export const DEFAULT_PREFETCH_MARGIN_MS = 60_000;
/** Default `urlSafetyMarginMs`. */
export const DEFAULT_URL_SAFETY_MARGIN_MS = 5_000;
/** Default `maxFrameBytes`: the service's 32 KB frame limit. */
export const DEFAULT_MAX_FRAME_BYTES = 32 * 1024;
/** Default `maxQueuedMessages`. */
export const DEFAULT_MAX_QUEUED_MESSAGES = 100;
/** Default `providerTimeoutMs`. */
export const DEFAULT_PROVIDER_TIMEOUT_MS = 20_000;
/** Default `handshakeTimeoutMs`. */
export const DEFAULT_HANDSHAKE_TIMEOUT_MS = 15_000;
/** Default `healthyStreamMs`. */
export const DEFAULT_HEALTHY_STREAM_MS = 5_000;
/** Default `maxInboundFrameBytes`: 1 MiB. */
export const DEFAULT_MAX_INBOUND_FRAME_BYTES = 1024 * 1024;

/** Connection options with every default filled in and every number checked. */
export interface ResolvedConnectionOptions<Outgoing> {
  urlProvider: UrlProvider;
  sessionId: string;
  codec: Codec<Outgoing>;
  retry: ResolvedRetryOptions;
  prefetchMarginMs: number;
  safetyMarginMs: number;
  maxFrameBytes: number;
  maxQueuedMessages: number;
  streamLifetimeMs: number;
  idleTimeoutMs: number;
  providerTimeoutMs: number;
  handshakeTimeoutMs: number;
  healthyStreamMs: number;
  maxInboundFrameBytes: number;
  heartbeat: HeartbeatSettings | undefined;
  delivery: DeliveryProtocol | undefined;
  WebSocket: WebSocketConstructor | undefined;
  onlineSource: OnlineSource;
}

function isDeliveryProtocol(value: unknown): value is DeliveryProtocol {
  return typeof value === "function";
}

function resolveDelivery(delivery: unknown): DeliveryProtocol | undefined {
  if (delivery === undefined || isDeliveryProtocol(delivery)) return delivery;
  throw invalidOption("delivery", "deliveryProtocol() from agentcore-react/delivery", delivery);
}

/**
 * The codec a connection without one uses: the text codec, which sends strings (and messages
 * with attachments). A connection whose messages are something else must bring its own;
 * anything else is refused when sent.
 */
function defaultCodec<Outgoing>(codec: Codec<Outgoing> | undefined): Codec<Outgoing> {
  if (codec !== undefined) return codec;
  return {
    ...textCodec,
    encode(message, context) {
      if (typeof message !== "string" && !isMessageWithAttachments(message)) {
        throw invalidOption("textCodec message", "a string or { text, attachments }", message);
      }
      return textCodec.encode(message, context);
    },
  };
}

/** With `delivery` on, the frame is the protocol's `@ack` (set by the connection). */
function resolveHeartbeat(
  heartbeat: ConnectionOptions<unknown>["heartbeat"],
  codec: Codec<unknown>,
  delivery: DeliveryProtocol | undefined,
): HeartbeatSettings | undefined {
  if (heartbeat === undefined) return undefined;
  const intervalMs = numberOption(
    "heartbeat.intervalMs",
    heartbeat.intervalMs,
    "a finite number > 0",
  );
  const { frame } = heartbeat;
  if (frame !== undefined || delivery !== undefined)
    return { intervalMs, frame: () => frame ?? "" };
  const codecHeartbeat = codec.heartbeat?.bind(codec);
  if (!codecHeartbeat) {
    throw new AgentRuntimeValidationError(
      `heartbeat.frame is required: the ${codec.name} codec has no heartbeat()`,
    );
  }
  return { intervalMs, frame: codecHeartbeat };
}

/** The deadlines and the inbound frame cap, checked. */
function resolveDeadlines(options: ConnectionOptions<unknown>) {
  return {
    providerTimeoutMs: numberOption(
      "providerTimeoutMs",
      options.providerTimeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS,
      "a finite number > 0",
    ),
    handshakeTimeoutMs: numberOption(
      "handshakeTimeoutMs",
      options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
      "a finite number > 0",
    ),
    healthyStreamMs: numberOption(
      "healthyStreamMs",
      options.healthyStreamMs ?? DEFAULT_HEALTHY_STREAM_MS,
      "a finite number >= 0",
    ),
    maxInboundFrameBytes: numberOption(
      "maxInboundFrameBytes",
      options.maxInboundFrameBytes ?? DEFAULT_MAX_INBOUND_FRAME_BYTES,
      "a whole number >= 1",
    ),
  };
}

/**
 * Fills in defaults and checks every option of `AgentRuntimeConnection`. Pure: it reads no
 * clock or network, and touches nothing.
 *
 * @throws {AgentRuntimeValidationError} for a missing `urlProvider`, a session id that is not
 *   33-256 visible ASCII characters, out-of-range numbers, or a heartbeat without a frame.
 */
export function resolveConnectionOptions<Outgoing>(
  options: ConnectionOptions<Outgoing>,
): ResolvedConnectionOptions<Outgoing> {
  if (typeof options?.urlProvider !== "function") {
    throw new AgentRuntimeValidationError("urlProvider must be a function");
  }
  const codec = defaultCodec(options.codec);
  return {
    urlProvider: options.urlProvider,
    sessionId:
      options.sessionId === undefined ? createSessionId() : assertSessionId(options.sessionId),
    codec,
    retry: resolveRetryOptions(options.retry),
    prefetchMarginMs: numberOption(
      "prefetchMarginMs",
      options.prefetchMarginMs ?? DEFAULT_PREFETCH_MARGIN_MS,
      "a finite number >= 0",
    ),
    safetyMarginMs: numberOption(
      "urlSafetyMarginMs",
      options.urlSafetyMarginMs ?? DEFAULT_URL_SAFETY_MARGIN_MS,
      "a finite number >= 0",
    ),
    maxFrameBytes: numberOption(
      "maxFrameBytes",
      options.maxFrameBytes ?? DEFAULT_MAX_FRAME_BYTES,
      "a whole number >= 1",
    ),
    maxQueuedMessages: numberOption(
      "maxQueuedMessages",
      options.maxQueuedMessages ?? DEFAULT_MAX_QUEUED_MESSAGES,
      "a whole number >= 1",
    ),
    streamLifetimeMs: numberOption(
      "streamLifetimeMs",
      options.streamLifetimeMs ?? DEFAULT_STREAM_LIFETIME_MS,
      "a finite number > 0",
    ),
    idleTimeoutMs: numberOption(
      "idleTimeoutMs",
      options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS,
      "a finite number > 0",
    ),
    ...resolveDeadlines(options),
    heartbeat: resolveHeartbeat(options.heartbeat, codec, resolveDelivery(options.delivery)),
    delivery: resolveDelivery(options.delivery),
    WebSocket: options.WebSocket,
    onlineSource: options.onlineSource ?? navigatorOnlineSource,
  };
}

/** The retry and close policy the state machine reads. */
export function machinePolicy(resolved: ResolvedConnectionOptions<unknown>): MachinePolicy {
  const { retry, streamLifetimeMs, idleTimeoutMs } = resolved;
  return { ...retry, streamLifetimeMs, idleTimeoutMs };
}
