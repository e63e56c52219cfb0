import type { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import { messageNumber, messageText } from "./message-sender";

/**
 * With delivery on: watches the connection's outbox for messages whose entry left it before
 * the agent acknowledged them (`@got`). The connection sends a message again on a new stream
 * only while its entry is there, so such a message, if the agent did not have it, is lost.
 */
export class OutboxWatch {
  /** Entries that left the outbox `sent` and unacknowledged: id to message number. */
  readonly #left = new Map<string, number>();
  /** Every message entry seen: id to message number. */
  readonly #numbers = new Map<string, number>();
  readonly #gotIds: ReadonlySet<string>;
  #previous = new Map<string, { message: string; status: string }>();
  readonly #unsubscribe: () => void;

  constructor(connection: AgentRuntimeConnection, gotIds: ReadonlySet<string>) {
    this.#gotIds = gotIds;
    this.#unsubscribe = connection.subscribe(() => {
      const current = new Map<string, { message: string; status: string }>();
      for (const entry of connection.getSnapshot().outbox) {
        current.set(entry.id, { message: String(entry.message), status: entry.status });
        const n = /^m-(\d+)$/.exec(String(entry.message));
        if (n && !this.#numbers.has(entry.id)) this.#numbers.set(entry.id, Number(n[1]));
      }
      for (const [id, entry] of this.#previous) {
        if (current.has(id) || entry.status !== "sent" || gotIds.has(id)) continue;
        const n = messageNumber(JSON.stringify({ inputText: entry.message }));
        if (n !== undefined && messageText(n) === entry.message) this.#left.set(id, n);
      }
      this.#previous = current;
    });
  }

  /** Messages whose entry left the outbox and that the agent never acknowledged, even later. */
  neverAcknowledged(): number[] {
    return [...this.#left].filter(([id]) => !this.#gotIds.has(id)).map(([, n]) => n);
  }

  /** Message numbers the agent acknowledged (`@got`) at some point. */
  acknowledged(): Set<number> {
    const numbers = new Set<number>();
    for (const [id, n] of this.#numbers) if (this.#gotIds.has(id)) numbers.add(n);
    return numbers;
  }

  forget(): void {
    this.#left.clear();
    this.#numbers.clear();
  }

  stop(): void {
    this.#unsubscribe();
  }
}
