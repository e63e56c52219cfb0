import type { TimerSlots } from "./named-timers";
import type { SocketSlot } from "./socket-slot";

/** A resolved heartbeat: the interval, and the frame to send. */
export interface HeartbeatSettings {
  intervalMs: number;
  frame(): string;
}

/**
 * Sends a frame after `intervalMs` without traffic either way, so an idle stream stays under
 * the service's idle timeout. Re-arms itself for the remainder when traffic flowed meanwhile.
 */
export class Heartbeat {
  readonly #settings: HeartbeatSettings;
  readonly #slot: SocketSlot;
  readonly #timers: TimerSlots<"heartbeat">;

  constructor(settings: HeartbeatSettings, slot: SocketSlot, timers: TimerSlots<"heartbeat">) {
    this.#settings = settings;
    this.#slot = slot;
    this.#timers = timers;
  }

  /** Arms the timer for the open stream. */
  start(): void {
    if (!this.#slot.isOpen) return;
    const due = this.#slot.lastTrafficAt + this.#settings.intervalMs - Date.now();
    this.#timers.start("heartbeat", Math.max(0, due), () => this.#beat());
  }

  stop(): void {
    this.#timers.clear("heartbeat");
  }

  #beat(): void {
    if (!this.#slot.isOpen) return;
    const now = Date.now();
    if (now - this.#slot.lastTrafficAt >= this.#settings.intervalMs) {
      // A failed send is followed by a close, which the close policy handles.
      this.#slot.send(this.#settings.frame(), now);
    }
    this.start();
  }
}
