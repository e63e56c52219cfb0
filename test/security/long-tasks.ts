/**
 * Measures main-thread tasks in Chromium while `work` runs: every task of 50 ms or more (the
 * Long Tasks API's floor) through a `PerformanceObserver`, and the longest gap between two
 * animation frames (which also covers shorter tasks, and rendering work).
 */
export interface TaskFigures {
  /** The longest task reported by the Long Tasks API (ms), or 0 when every task was under 50 ms. */
  worstTaskMs: number;
  /** How many tasks of 50 ms or more ran. */
  longTasks: number;
  /** The longest time between two animation frames (ms). */
  worstFrameGapMs: number;
}

/** Resolves after the next two animation frames: what was scheduled has run and painted. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => resolve())),
  );
}

/** Resolves in a new task (not a timer): what a socket's next message event would see. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs `work` while watching the main thread; the figures cover `work` and the frame after it. */
export async function measureTasks(work: () => Promise<void>): Promise<TaskFigures> {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ type: "longtask" });

  let worstFrameGapMs = 0;
  let last = performance.now();
  let watching = true;
  const onFrame = (now: number) => {
    worstFrameGapMs = Math.max(worstFrameGapMs, now - last);
    last = now;
    if (watching) requestAnimationFrame(onFrame);
  };
  requestAnimationFrame(onFrame);

  try {
    await work();
    await nextFrame();
  } finally {
    watching = false;
    for (const entry of observer.takeRecords()) durations.push(entry.duration);
    observer.disconnect();
  }
  const round = (ms: number) => Math.round(ms);
  return {
    worstTaskMs: round(Math.max(0, ...durations)),
    longTasks: durations.length,
    worstFrameGapMs: round(worstFrameGapMs),
  };
}
