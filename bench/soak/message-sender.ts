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

/** The default pace: a message every 2-20 ms. */
export const DEFAULT_SEND_INTERVAL_MS: readonly [number, number] = [2, 20];
/**
 * With delivery on, a message every 25-45 ms: each costs the agent about four frames (`@got`,
 * the answer's envelopes), so this keeps it near 120 frames a second, under the service's 250
 * and the helpers' 200. Faster, the helpers' pacing queue (and with it every `@got`) falls
 * further behind after each reconnect, so ever more messages go out again.
 */
export const DELIVERY_SEND_INTERVAL_MS: readonly [number, number] = [25, 45];

/**
 * Keeps calling `connection.send("m-N")` every `interval` ms (seeded), whatever state the
 * connection is in, and remembers which numbers `send()` accepted, in order.
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

  readonly #interval: readonly [number, number];

  constructor(
    connection: AgentRuntimeConnection,
    pacing: SeededRandom,
    interval = DEFAULT_SEND_INTERVAL_MS,
  ) {
    this.#connection = connection;
    this.#pacing = pacing;
    this.#interval = interval;
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
      this.#pacing.int(...this.#interval),
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
