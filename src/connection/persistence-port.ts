import type { DeliveryChannel, OutboxEntry } from "./types";

/** The agent's epoch and the last sequence the client applied (`acr-delivery/1`). */
export interface DeliveryPosition {
  epoch: string | null;
  applied: number;
}

/**
 * What the store's `persist` option works with inside a connection (`AgentRuntimeConnection`
 * lends it through `persistence()`); not for apps.
 */
export interface ConnectionPersistence<Outgoing = string> {
  outbox: {
    readonly entries: ReadonlyArray<OutboxEntry<Outgoing>>;
    add(entry: OutboxEntry<Outgoing>): void;
  };
  /** Messages sent on the current stream that the agent has not acknowledged yet. */
  slot: { readonly unacknowledged: ReadonlyArray<{ id: string; frame?: string }> };
  delivery: DeliveryChannel | undefined;
}
