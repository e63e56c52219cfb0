/**
 * Page-side instruments shared by the UI benchmarks: a WebSocket that timestamps the frames it
 * receives, a requestAnimationFrame counter, and a long-task total. Each listener is added
 * before the component's own, so it costs both variants the same.
 */

/** What the tracked sockets saw. */
export interface FrameLog {
  /** Frames received so far (all sockets). */
  received: number;
  firstAt: number | null;
  /** When frame number `watchCount` (the last text frame) arrived. */
  lastTextAt: number | null;
  /** When the `{"type":"done"}` frame arrived. */
  doneAt: number | null;
  sockets: WebSocket[];
}

const DONE_FRAME = JSON.stringify({ type: "done" });

/** Replaces `window.WebSocket` with a subclass that logs frames into `log`. */
export function trackWebSockets(log: FrameLog, textFrames: number): void {
  const Native = window.WebSocket;
  class TrackedWebSocket extends Native {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      log.sockets.push(this);
      this.addEventListener("message", (event: MessageEvent) => {
        const now = performance.now();
        log.received += 1;
        log.firstAt ??= now;
        if (log.received === textFrames) log.lastTextAt = now;
        if (event.data === DONE_FRAME) log.doneAt = now;
      });
    }
  }
  window.WebSocket = TrackedWebSocket;
}

/** Records the time of every animation frame until stopped; `stop()` returns those times. */
export function countFrames(): { stop(): number[] } {
  const times: number[] = [];
  let running = true;
  const tick = (time: number) => {
    if (!running) return;
    times.push(time);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      return times;
    },
  };
}

/** Sums long tasks (>= 50 ms, as the browser reports them) until stopped; `longestMs` is 0 without any. */
export function observeLongTasks(): {
  stop(): { count: number; totalMs: number; longestMs: number };
} {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: "longtask", buffered: false });
  return {
    stop() {
      entries.push(...observer.takeRecords());
      observer.disconnect();
      return {
        count: entries.length,
        totalMs: entries.reduce((sum, entry) => sum + entry.duration, 0),
        longestMs: entries.reduce((longest, entry) => Math.max(longest, entry.duration), 0),
      };
    },
  };
}

/** Resolves on the next animation frame. */
export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

/** Resolves after the next frame was presented (a task queued from the frame's callback). */
export function afterNextPaint(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now());
      channel.port2.postMessage(null);
    }),
  );
}

/** Waits `ms` of wall time. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
