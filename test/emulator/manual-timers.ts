import type { EmulatorTimers } from "agentcore-react-emulator";

interface Pending {
  id: number;
  at: number;
  callback: () => void;
}

/** Timers driven by hand: nothing fires until `advance`. `now` moves with them. */
export class ManualTimers implements EmulatorTimers {
  now: number;
  #pending: Pending[] = [];
  #ids = 0;

  constructor(start = Date.UTC(2025, 0, 1)) {
    this.now = start;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    this.#ids += 1;
    this.#pending.push({ id: this.#ids, at: this.now + Math.max(0, ms), callback });
    return this.#ids;
  }

  clearTimeout(handle: unknown): void {
    this.#pending = this.#pending.filter((timer) => timer.id !== handle);
  }

  /** How many timers wait to fire. */
  get pending(): number {
    return this.#pending.length;
  }

  /** Moves time forward, firing due timers in order (also ones they schedule within the window). */
  advance(ms: number): void {
    const target = this.now + ms;
    for (;;) {
      const due = this.#pending
        .filter((timer) => timer.at <= target)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#pending = this.#pending.filter((timer) => timer !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = target;
  }
}
