import type { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import type { SeededRandom } from "./random";

/** The text of message number `n`. */
export function messageText(n: number): string {
  return `m-${n}`;
}

/** The number of the message a `{"inputText":"m-N"}` frame carries, if it is one. */
export function messageNumber(frame: string): number | undefined {
  try {
    const text = (JSON.parse(frame) as { inputText?: unknown }).inputText;
    const match = typeof text === "string" ? /^m-(\d+)$/.exec(text) : null;
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** The number of the message a `@msg <id> {"inputText":"m-N"}` frame carries (delivery on). */
export function deliveredMessageNumber(frame: string): number | undefined {
  const envelope = /^@msg \S+ /.exec(frame);
  return envelope ? messageNumber(frame.slice(envelope[0].length)) : undefined;
}

/**
 * Keeps calling `connection.send("m-N")` every 2-20 ms (seeded), whatever state the connection
 * is in, and remembers which numbers `send()` accepted, in order.
 */
export class MessageSender {
  /** Numbers `send()` accepted, in the order it accepted them. */
  readonly accepted: number[] = [];
  /** Calls `send()` refused (it threw). */
  refused = 0;
  #next = 0;
  #paused = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #connection: AgentRuntimeConnection;
  readonly #pacing: SeededRandom;

  constructor(connection: AgentRuntimeConnection, pacing: SeededRandom) {
    this.#connection = connection;
    this.#pacing = pacing;
  }

  start(): void {
    this.#paused = false;
    this.#schedule();
  }

  /** Stops sending until `resume()`; the pacing timer keeps running. */
  pause(): void {
    this.#paused = true;
  }

  resume(): void {
    this.#paused = false;
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #schedule(): void {
    this.#timer = setTimeout(
      () => {
        if (!this.#paused) this.#sendOne();
        this.#schedule();
      },
      this.#pacing.int(2, 20),
    );
  }

  #sendOne(): void {
    try {
      this.#connection.send(messageText(this.#next));
      this.accepted.push(this.#next);
      this.#next += 1;
    } catch {
      this.refused += 1;
    }
  }
}
