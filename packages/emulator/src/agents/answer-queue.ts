import type { AgentSocket } from "../agent-types";

/** Answers one input; `signal` aborts when a cancel frame arrives. */
export type Answer<T> = (input: T, signal: AbortSignal) => Promise<void>;

/**
 * The built-in agents' turn-taking: inputs queue and are answered one at a time, in order,
 * while the socket is open. A cancel drops the queued inputs and aborts the answer in progress.
 */
export class AnswerQueue<T> {
  readonly #socket: AgentSocket;
  readonly #answer: Answer<T>;
  // Boxed, so an `undefined` input (e.g. a frame that is not JSON) still counts as an input.
  readonly #pending: Array<{ input: T }> = [];
  #current: AbortController | undefined;
  #running = false;

  constructor(socket: AgentSocket, answer: Answer<T>) {
    this.#socket = socket;
    this.#answer = answer;
  }

  /**
   * Queues an input. Returns the run that answers it when none was running, so the caller can
   * hand it to the emulator (a rejection closes the socket with 1011, as an agent error).
   */
  push(input: T): Promise<void> | undefined {
    this.#pending.push({ input });
    if (!this.#running) return this.#run();
    return undefined;
  }

  /** Drops the queued inputs and aborts the answer in progress. */
  cancel(): void {
    this.#pending.length = 0;
    this.#current?.abort();
  }

  async #run(): Promise<void> {
    this.#running = true;
    while (this.#socket.isOpen) {
      const next = this.#pending.shift();
      if (!next) break;
      this.#current = new AbortController();
      await this.#answer(next.input, this.#current.signal);
    }
    this.#current = undefined;
    this.#running = false;
  }
}
