import { defaultTextCodec } from "../codecs/text-codec";
import { invalidOption } from "../core/option-checks";
import type { Codec } from "../codecs/types";
import { AgentRuntimeValidationError } from "../core/errors";
import { numberOption, type NumberRule } from "../core/number-option";
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
  urlSafetyMarginMs: number;
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

type NumberOptionName =
  | "prefetchMarginMs"
  | "urlSafetyMarginMs"
  | "maxFrameBytes"
  | "maxQueuedMessages"
  | "streamLifetimeMs"
  | "idleTimeoutMs"
  | "providerTimeoutMs"
  | "handshakeTimeoutMs"
  | "healthyStreamMs"
  | "maxInboundFrameBytes";

/** Every numeric option, defaulted and checked (in this order: the first bad one is reported). */
function resolveNumbers(options: ConnectionOptions<unknown>): Record<NumberOptionName, number> {
  const check = (name: NumberOptionName, fallback: number, rule: NumberRule) =>
    numberOption(name, options[name] ?? fallback, rule);
  return {
    prefetchMarginMs: check("prefetchMarginMs", DEFAULT_PREFETCH_MARGIN_MS, "a finite number >= 0"),
    urlSafetyMarginMs: check(
      "urlSafetyMarginMs",
      DEFAULT_URL_SAFETY_MARGIN_MS,
      "a finite number >= 0",
    ),
    maxFrameBytes: check("maxFrameBytes", DEFAULT_MAX_FRAME_BYTES, "a whole number >= 1"),
    maxQueuedMessages: check(
      "maxQueuedMessages",
      DEFAULT_MAX_QUEUED_MESSAGES,
      "a whole number >= 1",
    ),
    streamLifetimeMs: check("streamLifetimeMs", DEFAULT_STREAM_LIFETIME_MS, "a finite number > 0"),
    idleTimeoutMs: check("idleTimeoutMs", DEFAULT_IDLE_TIMEOUT_MS, "a finite number > 0"),
    providerTimeoutMs: check(
      "providerTimeoutMs",
      DEFAULT_PROVIDER_TIMEOUT_MS,
      "a finite number > 0",
    ),
    handshakeTimeoutMs: check(
      "handshakeTimeoutMs",
      DEFAULT_HANDSHAKE_TIMEOUT_MS,
      "a finite number > 0",
    ),
    healthyStreamMs: check("healthyStreamMs", DEFAULT_HEALTHY_STREAM_MS, "a finite number >= 0"),
    maxInboundFrameBytes: check(
      "maxInboundFrameBytes",
      DEFAULT_MAX_INBOUND_FRAME_BYTES,
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
  // The text codec's encode refuses what is neither a string nor a message with attachments.
  const codec = options.codec ?? defaultTextCodec;
  const delivery = resolveDelivery(options.delivery);
  return {
    urlProvider: options.urlProvider,
    sessionId:
      options.sessionId === undefined ? createSessionId() : assertSessionId(options.sessionId),
    codec,
    retry: resolveRetryOptions(options.retry),
    ...resolveNumbers(options),
    heartbeat: resolveHeartbeat(options.heartbeat, codec, delivery),
    delivery,
    WebSocket: options.WebSocket,
    onlineSource: options.onlineSource ?? navigatorOnlineSource,
  };
}

/** The retry and close policy the state machine reads. */
export function machinePolicy(resolved: ResolvedConnectionOptions<unknown>): MachinePolicy {
  const { retry, streamLifetimeMs, idleTimeoutMs } = resolved;
  return { ...retry, streamLifetimeMs, idleTimeoutMs };
}
