import type { AgentEvent } from "../codecs/types";
import { notify } from "../core/listeners";
import type { HeartbeatSettings } from "./heartbeat";
import type { NamedTimers, ConnectionTimerName } from "./named-timers";
import type { SocketSlot } from "./socket-slot";
import type { DeliveryChannel, DeliveryProtocol } from "./types";

/** What a connection lends its delivery protocol. */
export interface DeliveryParts {
  slot: SocketSlot;
  timers: NamedTimers<ConnectionTimerName>;
  listeners: Set<(event: AgentEvent) => void>;
  flush(): void;
}

/**
 * Starts `protocol` on a connection's parts, or returns `undefined` without one. With a
 * protocol, the agent acknowledges messages by id, so the slot resends exactly what it did not.
 */
export function startDelivery(
  protocol: DeliveryProtocol | undefined,
  { slot, timers, listeners, flush }: DeliveryParts,
): DeliveryChannel | undefined {
  if (!protocol) return undefined;
  slot.exactAcknowledgements = true;
  return protocol({
    send: (frame) => slot.send(frame, Date.now()),
    delivered: (id) => slot.delivered(id),
    flush,
    emit: (event) => notify(listeners, event),
    setTimer: (ms, run) => timers.start("deliveryAck", ms, run),
    clearTimer: () => timers.clear("deliveryAck"),
  });
}

/** With a delivery protocol, heartbeats send its frame (the agent reads nothing else). */
export function deliveryHeartbeat(
  settings: HeartbeatSettings | undefined,
  channel: DeliveryChannel | undefined,
): HeartbeatSettings | undefined {
  return settings && channel ? { ...settings, frame: () => channel.heartbeatFrame() } : settings;
}
