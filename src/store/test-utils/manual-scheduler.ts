import type { FrameScheduler } from "../frame-scheduler";

/** A frame scheduler a test advances by hand, one frame at a time. */
export interface ManualScheduler {
  scheduler: FrameScheduler;
  /** Callbacks waiting for the next frame. */
  readonly pending: number;
  /** Runs one frame (every callback scheduled before it); returns how many ran. */
  frame(): number;
}

export function createManualScheduler(): ManualScheduler {
  let queue: Array<() => void> = [];
  return {
    scheduler(callback) {
      const entry = () => callback();
      queue.push(entry);
      return () => {
        queue = queue.filter((queued) => queued !== entry);
      };
    },
    get pending() {
      return queue.length;
    },
    frame() {
      const running = queue;
      queue = [];
      for (const callback of running) callback();
      return running.length;
    },
  };
}
