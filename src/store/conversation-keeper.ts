import type { ConnectionPersistence } from "../connection/persistence-port";
import type { ConversationConnection, DeliveryChannel } from "../connection/types";
import type { RestoredMessages } from "./conversation-model-options";
import { ConversationOpenElsewhereError } from "./errors";
import { RELOADED_ANSWER } from "./message-status";
import {
  PERSISTED_CONVERSATION_VERSION,
  type PersistedConversation,
  type PersistedOutgoing,
  type PersistenceClaim,
} from "./persistence";
import { restoreRecords } from "./restore-records";
import type { ChatMessage, ConnectionInit, PersistOptions } from "./types";

/** Default `persist.saveEveryMs`. */
export const DEFAULT_SAVE_EVERY_MS = 250;

/** What a keeper reads from the conversation it keeps. */
export interface KeptConversation {
  /** Publishes what is pending (coalesced text) and returns the messages as published. */
  messages(): readonly ChatMessage[];
  /** Calls `listener` after every published change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/**
 * Keeps one conversation between page loads (the store's `persist` option): holds the key's
 * claim, restores the kept record into a new connection, saves (throttled) as it changes and
 * when the page is hidden, and, with delivery on, lets the connection acknowledge only frames
 * whose result is saved.
 */
export class ConversationKeeper<Outgoing> {
  readonly #options: PersistOptions;
  readonly #claim: PersistenceClaim;
  readonly #record: PersistedConversation<Outgoing> | undefined;
  #connection: ConversationConnection<Outgoing> | null = null;
  #parts: ConnectionPersistence<Outgoing> | undefined;
  #kept: KeptConversation | null = null;
  #unlink: Array<() => void> = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  #chain: Promise<void> = Promise.resolve();
  #lastSaved: { messages: unknown; outbox: string; applied: number | undefined } | null = null;
  /** A saved position not passed to the delivery channel yet (it waits for `@hello`). */
  #pendingDurable: number | undefined;
  #closed = false;
  /** The outbox entries as last looked at, to notice a new message. */
  #seenEntries: ReadonlyArray<{ id: string }> | undefined;

  constructor(options: PersistOptions, claim: PersistenceClaim, record: unknown) {
    this.#options = options;
    this.#claim = claim;
    this.#record = isRecord<Outgoing>(record, options.key) ? record : undefined;
  }

  /** What to build the connection with: the kept session id, if any. */
  get init(): ConnectionInit {
    const sessionId = this.#record?.sessionId;
    return sessionId === undefined ? {} : { sessionId };
  }

  /**
   * Puts the kept record into a connection built for it, before it connects: the outbox (same
   * ids, queued), and with delivery on the position to resume from. Returns the messages to
   * show; an answer that was streaming goes on only where the stream can resume.
   */
  restore(connection: ConversationConnection<Outgoing>): RestoredMessages | undefined {
    this.#connection = connection;
    const parts = connection.persistence?.();
    this.#parts = parts;
    const record = this.#record;
    const channel = parts?.delivery;
    const position = record?.sessionId === connection.sessionId ? record.delivery : undefined;
    const resumes = channel?.state !== undefined && position !== undefined;
    if (resumes && channel.state) {
      channel.state.epoch = position.epoch;
      channel.state.applied = position.applied;
    }
    // From now on nothing is acknowledged beyond what is saved.
    channel?.durable?.(resumes ? position.applied : 0);
    if (!record) return undefined;
    for (const { id, message } of record.outbox) {
      try {
        parts?.outbox.add({ id, message, status: "queued" });
      } catch {
        break; // More than the outbox holds: the rest stays unsent.
      }
    }
    return {
      addTo: (records) => restoreRecords(records, record.messages),
      interrupted: resumes ? undefined : RELOADED_ANSWER,
    };
  }

  /** Starts saving `kept` as it changes, and when the page is hidden or goes away. */
  watch(kept: KeptConversation): void {
    this.#kept = kept;
    this.#unlink.push(kept.subscribe(() => this.#changed()));
    const target: Partial<EventTarget> = globalThis;
    const doc: Partial<Document> | undefined = globalThis.document;
    const hidden = (): void => {
      if (doc?.visibilityState === "hidden") void this.save();
    };
    const leaving = (): void => void this.save();
    target.addEventListener?.("pagehide", leaving);
    doc?.addEventListener?.("visibilitychange", hidden);
    this.#unlink.push(() => {
      target.removeEventListener?.("pagehide", leaving);
      doc?.removeEventListener?.("visibilitychange", hidden);
    });
  }

  /**
   * Saves what the conversation shows now (written after any save in progress); resolves once
   * it is durable or failed. What is saved is read at once: a conversation let go right after
   * is saved as it was.
   */
  save(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const record = this.#snapshot();
    if (record) this.#chain = this.#chain.then(() => this.#write(record));
    return this.#chain;
  }

  /** Saves a last time, stops watching and releases the key. */
  async close(): Promise<void> {
    if (this.#closed) return;
    const last = this.save();
    this.#closed = true;
    for (const unlink of this.#unlink) unlink();
    this.#unlink = [];
    await last;
    this.#claim.release();
  }

  #changed(): void {
    this.#passDurable();
    if (this.#closed) return;
    // A new message is written at once: a reload right after Send must find it.
    if (this.#hasUnsavedMessage()) return void this.save();
    if (this.#timer !== undefined) return;
    const every = this.#options.saveEveryMs ?? DEFAULT_SAVE_EVERY_MS;
    this.#timer = setTimeout(() => void this.save(), every);
  }

  /** Whether the outbox gained a message since the last look (saved at once, not throttled). */
  #hasUnsavedMessage(): boolean {
    const entries = this.#parts?.outbox.entries;
    if (!entries || entries === this.#seenEntries) return false; // copy-on-write: unchanged
    const seen = new Set(this.#seenEntries?.map(({ id }) => id));
    this.#seenEntries = entries;
    return entries.some(({ id }) => !seen.has(id));
  }

  /** The record to write, or `null` when nothing changed since the last one. */
  #snapshot(): PersistedConversation<Outgoing> | null {
    const connection = this.#connection;
    const kept = this.#kept;
    if (!connection || !kept || this.#closed) return null;
    // Read together, with nothing pending: the messages are the result of the frames up to
    // `applied`, so a reload resumes right after them.
    const messages = kept.messages();
    const position = this.#position();
    const outbox = unsent(this.#parts);
    const outboxIds = outbox.map(({ id }) => id).join(" ");
    const last = this.#lastSaved;
    const applied = position?.applied;
    if (last?.messages === messages && last.outbox === outboxIds && last.applied === applied) {
      return null;
    }
    this.#lastSaved = { messages, outbox: outboxIds, applied };
    return {
      version: PERSISTED_CONVERSATION_VERSION,
      key: this.#options.key,
      sessionId: connection.sessionId,
      messages,
      outbox,
      ...(position ? { delivery: position } : {}),
      savedAt: Date.now(),
    };
  }

  async #write(record: PersistedConversation<Outgoing>): Promise<void> {
    try {
      await this.#options.storage.save(record);
    } catch {
      // Not saved: nothing more may be acknowledged, and the next change writes again.
      this.#lastSaved = null;
      return;
    }
    // A position of an epoch the agent has since replaced says nothing of the current one.
    if (record.delivery && record.delivery.epoch === this.#position()?.epoch) {
      this.#pendingDurable = record.delivery.applied;
      this.#passDurable();
    }
  }

  #position(): { epoch: string; applied: number } | undefined {
    const state = this.#parts?.delivery?.state;
    return state?.epoch ? { epoch: state.epoch, applied: state.applied } : undefined;
  }

  /** Tells the channel what is saved, unless it awaits `@hello` (its resume must hold still). */
  #passDurable(): void {
    const channel: DeliveryChannel | undefined = this.#parts?.delivery;
    const applied = this.#pendingDurable;
    if (applied === undefined || !channel?.ready) return;
    this.#pendingDurable = undefined;
    channel.durable?.(applied);
  }
}

/**
 * What the agent may not have: queued messages, and with delivery on the ones sent on the
 * current stream that it has not acknowledged (with the frame as sent).
 */
function unsent<Outgoing>(
  parts: ConnectionPersistence<Outgoing> | undefined,
): Array<PersistedOutgoing<Outgoing>> {
  if (!parts) return [];
  const frames = new Map(parts.slot.unacknowledged.map((sent) => [sent.id, sent.frame]));
  const exact = parts.delivery !== undefined;
  return parts.outbox.entries.flatMap(({ id, message, status }) => {
    if (status === "queued") return [{ id, message }];
    if (status !== "sent" || !exact || !frames.has(id)) return [];
    const frame = frames.get(id);
    return [frame === undefined ? { id, message } : { id, message, frame }];
  });
}

function isRecord<Outgoing>(value: unknown, key: string): value is PersistedConversation<Outgoing> {
  if (typeof value !== "object" || value === null) return false;
  const record: Partial<Record<keyof PersistedConversation, unknown>> = value;
  return (
    record.version === PERSISTED_CONVERSATION_VERSION &&
    record.key === key &&
    typeof record.sessionId === "string" &&
    Array.isArray(record.messages) &&
    Array.isArray(record.outbox)
  );
}

/**
 * Claims `persist.key` and reads what is kept under it: a keeper, or the error that another
 * tab holds the key.
 */
export async function openKeeper<Outgoing>(
  options: PersistOptions,
): Promise<ConversationKeeper<Outgoing> | ConversationOpenElsewhereError> {
  const claim = await options.storage.claim(options.key);
  if (!claim) return new ConversationOpenElsewhereError(options.key);
  const record = await options.storage.load(options.key);
  return new ConversationKeeper<Outgoing>(options, claim, record);
}
