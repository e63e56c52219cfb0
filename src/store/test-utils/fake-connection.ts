import type { AgentEvent, AgentReply, Codec } from "../../codecs/types";
import { agUiConversation } from "../ag-ui-conversation";
import type {
  ConnectionOptions,
  ConnectionSnapshot,
  ConnectionStatus,
  ConversationConnection,
  OutboxEntry,
} from "../../connection/types";
import { idleSnapshot } from "../idle-snapshot";

/**
 * A test double of `AgentRuntimeConnection`'s public interface. It keeps the documented outbox
 * rules (queue while not open, flush in order on open, `queued | sent | failed`) and lets a test
 * drive everything else: open, drop, fail a message, emit agent events.
 */
export class FakeConnection<Outgoing = string> implements ConversationConnection<Outgoing> {
  readonly calls: string[] = [];
  /** Every reply handed to `sendReply`, in order. */
  readonly replies: AgentReply[] = [];
  /** Set to make the next `send()` throw this error (e.g. a too-large frame). */
  nextSendError: Error | null = null;
  private snapshot: ConnectionSnapshot<Outgoing>;
  private readonly listeners = new Set<() => void>();
  private readonly eventListeners = new Set<(event: AgentEvent) => void>();
  private nextId = 0;
  /**
   * `options.codec`, or a codec that carries the store's AG-UI support, so that tests can emit
   * every kind of agent event.
   */
  readonly codec: Codec<Outgoing>;

  constructor(readonly options: Partial<ConnectionOptions<Outgoing>> = {}) {
    this.codec = options.codec ?? {
      name: "fake",
      encode: (message) => JSON.stringify(message),
      decode: () => [],
      conversation: agUiConversation,
    };
    this.snapshot = idleSnapshot(
      options.sessionId ?? `fake-session-${"0".repeat(24)}-${Math.random()}`,
    );
  }

  get sessionId(): string {
    return this.snapshot.sessionId;
  }

  /** `options.delivery`: a dropped stream resumes where it stopped. */
  get resumes(): boolean {
    return this.options.delivery !== undefined;
  }

  get listenerCount(): number {
    return this.listeners.size + this.eventListeners.size;
  }

  connect(): void {
    this.calls.push("connect");
    const { status } = this.snapshot;
    if (status === "connecting" || status === "open" || status === "reconnecting") return;
    this.update({ status: "connecting" });
    const controller = new AbortController();
    void this.options.urlProvider?.({
      sessionId: this.snapshot.sessionId,
      signal: controller.signal,
      attempt: 0,
    });
  }

  send(message: Outgoing): string {
    this.calls.push("send");
    if (this.nextSendError) {
      const error = this.nextSendError;
      this.nextSendError = null;
      throw error;
    }
    this.nextId += 1;
    const entry: OutboxEntry<Outgoing> = {
      id: `out-${this.nextId}`,
      message,
      status: this.snapshot.status === "open" ? "sent" : "queued",
    };
    this.update({ outbox: [...this.snapshot.outbox, entry] });
    return entry.id;
  }

  sendReply(reply: AgentReply): void {
    this.calls.push("sendReply");
    this.replies.push(reply);
  }

  retry(id: string): void {
    this.calls.push(`retry:${id}`);
    this.setEntry(id, { status: this.snapshot.status === "open" ? "sent" : "queued" });
  }

  dismiss(id: string): void {
    this.calls.push(`dismiss:${id}`);
    this.update({ outbox: this.snapshot.outbox.filter((entry) => entry.id !== id) });
  }

  stop(): void {
    this.calls.push("stop");
  }

  reconnect(): void {
    this.calls.push("reconnect");
    this.update({ status: "reconnecting" });
  }

  close(): void {
    this.calls.push("close");
    this.update({ status: "closed", reason: "closed" });
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getSnapshot(): ConnectionSnapshot<Outgoing> {
    return this.snapshot;
  }

  onEvent(listener: (event: AgentEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  // --- test controls ---

  /** The socket opened: queued messages go out in order. */
  open(): void {
    const outbox = this.snapshot.outbox.map((entry) =>
      entry.status === "queued" ? { ...entry, status: "sent" as const } : entry,
    );
    this.update({ status: "open", attempt: 0, reason: null, outbox });
  }

  /** The socket closed unexpectedly. */
  drop(status: ConnectionStatus = "reconnecting", error: Error | null = null): void {
    this.update({ status, error, lastCloseCode: 1006, reason: "connection-lost" });
  }

  failEntry(id: string, error?: Error): void {
    this.setEntry(id, { status: "failed", error });
  }

  setError(error: Error): void {
    this.update({ error });
  }

  emit(...events: AgentEvent[]): void {
    for (const event of events) for (const listener of [...this.eventListeners]) listener(event);
  }

  private setEntry(id: string, patch: Partial<OutboxEntry<Outgoing>>): void {
    const outbox = this.snapshot.outbox.map((entry) =>
      entry.id === id ? { ...entry, ...patch } : entry,
    );
    this.update({ outbox });
  }

  private update(patch: Partial<ConnectionSnapshot<Outgoing>>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of [...this.listeners]) listener();
  }
}
