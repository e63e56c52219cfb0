import type { AgentReply, Codec } from "../codecs/types";
import { invalidOption } from "../core/option-checks";
import { toError } from "../core/errors";
import { randomUuid } from "../core/session-id";
import { AgentRuntimeFrameTooLargeError } from "./errors";
import type { SentFrame } from "./machine-types";
import type { Outbox } from "./outbox";
import type { SocketSlot } from "./socket-slot";
import type { OutboxEntry } from "./types";
import { utf8ByteLength } from "./utf8";

/** An encoded message, with its size in UTF-8 bytes. */
export interface EncodedMessage {
  frame: string;
  bytes: number;
}

/** What an {@link OutboxSender} works with. */
export interface OutboxSenderOptions<Outgoing> {
  outbox: Outbox<Outgoing>;
  slot: SocketSlot;
  codec: Codec<Outgoing>;
  maxFrameBytes: number;
  sessionId(): string;
  /** The delivery protocol, when on: frames go in `@msg` envelopes, after the agent's `@hello`. */
  delivery?: { readonly ready: boolean; wrap(id: string, frame: string): string };
}

/**
 * Moves messages from the outbox onto the socket, in order: a message is `sent` once the
 * socket took its frame, `failed` when it cannot be encoded or is too large, and stays
 * `queued` while the socket cannot take it, and queued again when the agent never took it.
 */
export class OutboxSender<Outgoing> {
  readonly #options: OutboxSenderOptions<Outgoing>;
  /** Encoded replies (tool results, interrupt answers) waiting for the socket. */
  #replies: SentFrame[] = [];

  constructor(options: OutboxSenderOptions<Outgoing>) {
    this.#options = options;
  }

  /**
   * The frame for `message`, refused before it reaches the wire when it is too large.
   *
   * @throws {AgentRuntimeFrameTooLargeError} above `maxFrameBytes`, or what the codec throws.
   */
  encode(message: Outgoing, id: string): EncodedMessage {
    const { codec, sessionId } = this.#options;
    return this.#sized(id, codec.encode(message, { messageId: id, sessionId: sessionId() }));
  }

  /**
   * Queues a reply and flushes: it goes before queued messages (it answers the run before them). Replies are
   * not outbox entries: they are not messages the user wrote.
   *
   * @throws {AgentRuntimeValidationError} when the codec has no `encodeReply`.
   * @throws {AgentRuntimeFrameTooLargeError} above `maxFrameBytes`, or what the codec throws.
   */
  queueReply(reply: AgentReply, id: string): void {
    const { codec, sessionId } = this.#options;
    if (!codec.encodeReply) throw invalidOption("codec.encodeReply", "a function", undefined);
    const encoded = this.#sized(
      id,
      codec.encodeReply(reply, { messageId: id, sessionId: sessionId() }),
    );
    this.#replies.push({ id, ...encoded });
    this.flush();
  }

  /**
   * Queues again, ahead of newer ones, what the agent never took: outbox entries where they
   * stand, and as their kept frames the replies and the messages the outbox no longer holds.
   */
  requeue(frames: readonly SentFrame[]): void {
    const { outbox } = this.#options;
    const held = new Set(outbox.entries.map(({ id }) => id));
    const again = frames.filter((sent) => sent.frame !== undefined && !held.has(sent.id));
    this.#replies = [...again, ...this.#replies];
    outbox.requeueSent(frames.map(({ id }) => id));
  }

  /**
   * Sends the codec's cancel frame now (in a `@msg` envelope with delivery on, sent once);
   * `false` when it could not go out (no frame, a codec that throws, a socket that cannot take
   * it), so the caller falls back to closing the stream.
   */
  sendCancel(frame: () => string | undefined): boolean {
    try {
      const cancel = frame();
      if (cancel === undefined) return false;
      const wrapped = this.#options.delivery?.wrap(randomUuid(), cancel) ?? cancel;
      return this.#options.slot.send(wrapped, Date.now());
    } catch {
      return false;
    }
  }

  /** The agent refused `sent` as too big (1009): the message fails for good. */
  failTooLarge(sent: SentFrame): void {
    const error = new AgentRuntimeFrameTooLargeError(sent.bytes, undefined);
    this.#options.outbox.update(sent.id, (entry) => ({ ...entry, status: "failed", error }));
  }

  /** Whether a reply or a message is queued, waiting for a socket that takes frames. */
  hasWaiting(): boolean {
    return this.#replies.length > 0 || this.#options.outbox.queued().length > 0;
  }

  #sized(id: string, payload: string): EncodedMessage {
    const frame = this.#options.delivery?.wrap(id, payload) ?? payload;
    const bytes = utf8ByteLength(frame);
    const { maxFrameBytes } = this.#options;
    if (bytes > maxFrameBytes) throw new AgentRuntimeFrameTooLargeError(bytes, maxFrameBytes);
    return { frame, bytes };
  }

  /** Sends every queued reply, then every queued message, in order, while the socket can take them. */
  flush(): void {
    if (this.#options.delivery?.ready === false) return;
    for (let reply = this.#replies[0]; reply; reply = this.#replies[0]) {
      if (!this.#options.slot.send(reply.frame ?? "", Date.now(), reply)) return;
      this.#replies.shift();
    }
    for (const entry of this.#options.outbox.queued()) {
      if (!this.#transmit(entry)) return;
    }
  }

  /** Sends one entry; `false` when the socket cannot take it now (it stays queued). */
  #transmit(entry: OutboxEntry<Outgoing>): boolean {
    const { outbox, slot } = this.#options;
    if (!slot.canSend()) return false;
    let encoded: EncodedMessage;
    try {
      encoded = this.encode(entry.message, entry.id);
    } catch (error) {
      outbox.update(entry.id, (current) => ({
        ...current,
        status: "failed",
        error: toError(error),
      }));
      return true;
    }
    const sent = { id: entry.id, bytes: encoded.bytes };
    const kept = this.#options.delivery ? { ...sent, frame: encoded.frame } : sent;
    if (!slot.send(encoded.frame, Date.now(), kept)) return false;
    outbox.update(entry.id, ({ error: _error, ...current }) => ({ ...current, status: "sent" }));
    return true;
  }
}
