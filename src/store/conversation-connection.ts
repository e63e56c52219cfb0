import type { AgentEvent } from "../codecs/types";
import type { ConnectionSnapshot } from "../connection/types";

/**
 * What the conversation store needs from a connection. `AgentRuntimeConnection` satisfies it;
 * so does any object with the same shape (a custom transport, or a test double).
 */
export interface ConversationConnection<Outgoing = string> {
  /** The runtime session id (it may change once, when a backend binds it to its user). */
  readonly sessionId: string;
  /** Opens the stream (no-op semantics are the connection's). */
  connect(): void;
  /** Queues a message and returns its outbox id; throws a typed error when it cannot be queued. */
  send(message: Outgoing): string;
  /** Sends a failed outbox entry again. */
  retry(id: string): void;
  /** Ends the answer in progress for real. */
  stop(): void;
  /** Drops the current socket and opens a new one on the same session. */
  reconnect(): void;
  /** Closes the conversation for good. */
  close(): void;
  /** Called whenever `getSnapshot()` would return a new object. */
  subscribe(listener: () => void): () => void;
  getSnapshot(): ConnectionSnapshot<Outgoing>;
  /** Decoded events from the agent, in arrival order. */
  onEvent(listener: (event: AgentEvent) => void): () => void;
}
