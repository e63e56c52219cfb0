import type { AgentSocket, ListenedSocket } from "./socket";

/** Most frames a stream sends in any second: the service allows 250 frames a second. */
export const FRAMES_PER_SECOND = 200;
const WINDOW_MS = 1000;

/**
 * One stream's way out, in order: every frame (`@hello`, `@got`, envelopes) counts, at most
 * {@link FRAMES_PER_SECOND} in any second, so a long replay is spread over time and what
 * goes out meanwhile (`@got`, live envelopes) waits behind it.
 */
export class PacedStream {
  readonly socket: AgentSocket;
  #listened: ListenedSocket | undefined;
  readonly #now: () => number;
  readonly #waiting: string[] = [];
  #waitingHead = 0;
  /** When each of the last {@link FRAMES_PER_SECOND} frames went, oldest at `#slot`. */
  readonly #sentAt: number[] = new Array<number>(FRAMES_PER_SECOND).fill(-Infinity);
  #slot = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;

  constructor(socket: AgentSocket, now: () => number) {
    this.socket = socket;
    this.#now = now;
  }

  /** Whether the stream was closed or replaced (it sends nothing more). */
  get closed(): boolean {
    return this.#closed;
  }

  /** Keeps the socket's listeners, to remove them when the stream ends. */
  listened(listened: ListenedSocket): void {
    this.#listened = listened;
  }

  /** Queues frames behind those waiting, and sends what the pace allows. */
  send(...frames: readonly string[]): void {
    if (this.#closed) return;
    this.#waiting.push(...frames);
    this.#pump();
  }

  /** The socket closed: stops sending and listening. */
  ended(): void {
    this.#stop();
  }

  /** Closes the socket with `code` and stops. */
  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#stop();
    try {
      this.socket.close(code, reason);
    } catch {
      // Already closing: nothing more to do.
    }
  }

  #stop(): void {
    this.#closed = true;
    this.#listened?.unlisten();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#waiting.length = 0;
    this.#waitingHead = 0;
  }

  #pump(): void {
    if (this.#timer !== undefined) return;
    while (this.#waitingHead < this.#waiting.length && !this.#closed) {
      const now = this.#now();
      const freeAt = (this.#sentAt[this.#slot] ?? -Infinity) + WINDOW_MS;
      if (freeAt > now) {
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.#pump();
        }, freeAt - now);
        return;
      }
      this.#sentAt[this.#slot] = now;
      this.#slot = (this.#slot + 1) % FRAMES_PER_SECOND;
      this.#send(this.#waiting[this.#waitingHead++] ?? "");
    }
    this.#waiting.length = 0;
    this.#waitingHead = 0;
  }

  #send(frame: string): void {
    try {
      this.socket.send(frame);
    } catch {
      // A socket that is closing refuses frames: they stay in the replay buffer.
    }
  }
}
