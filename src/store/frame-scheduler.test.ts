import { createConversationStore } from "./create-conversation-store";
import { animationFrameScheduler, throttledFrameScheduler } from "./frame-scheduler";
import { FakeConnection } from "./test-utils/fake-connection";

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("animationFrameScheduler", () => {
  it("falls back to setTimeout(0) where there is no requestAnimationFrame", () => {
    vi.useFakeTimers();
    expect(typeof globalThis.requestAnimationFrame).toBe("undefined");
    const callback = vi.fn();
    animationFrameScheduler(callback);
    expect(callback).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("cancels the timer", () => {
    vi.useFakeTimers();
    const callback = vi.fn();
    animationFrameScheduler(callback)();
    vi.runAllTimers();
    expect(callback).not.toHaveBeenCalled();
  });

  it("uses requestAnimationFrame when it exists, looked up at call time", () => {
    const frames: Array<() => void> = [];
    const cancelled: number[] = [];
    vi.stubGlobal("requestAnimationFrame", (callback: () => void) => frames.push(callback));
    vi.stubGlobal("cancelAnimationFrame", (handle: number) => cancelled.push(handle));
    const callback = vi.fn();
    const cancel = animationFrameScheduler(callback);
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(callback).toHaveBeenCalledTimes(1);
    cancel();
    expect(cancelled).toEqual([1]);
  });

  it("coalesces a store's deltas into one publish per timer tick by default in Node", () => {
    vi.useFakeTimers();
    const connection = new FakeConnection();
    const store = createConversationStore({ connection });
    const publishes = vi.fn();
    store.subscribe(publishes);
    for (let i = 0; i < 100; i += 1) connection.emit({ type: "text-delta", delta: "y" });
    expect(publishes).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(publishes).toHaveBeenCalledTimes(1);
    expect(store.getState().messages[0]?.text).toBe("y".repeat(100));
  });
});

describe("throttledFrameScheduler", () => {
  /** A frame source the test steps by hand: `frames.flush()` runs the frames asked for. */
  function manualFrames() {
    let pending: Array<() => void> = [];
    const scheduler = (callback: () => void) => {
      pending.push(callback);
      return () => {
        pending = pending.filter((each) => each !== callback);
      };
    };
    return {
      scheduler,
      pending: () => pending.length,
      flush: () => {
        const due = pending;
        pending = [];
        for (const callback of due) callback();
      },
    };
  }

  it("asks for a frame at once the first time", () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const callback = vi.fn();
    throttledFrameScheduler(50, frames.scheduler)(callback);
    expect(frames.pending()).toBe(1);
    frames.flush();
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it("waits out the rest of the interval after a run, then for a frame", () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const throttled = throttledFrameScheduler(50, frames.scheduler);
    throttled(() => {});
    frames.flush();
    vi.advanceTimersByTime(20);
    const second = vi.fn();
    throttled(second);
    expect(frames.pending()).toBe(0);
    vi.advanceTimersByTime(29);
    expect(frames.pending()).toBe(0);
    vi.advanceTimersByTime(1);
    expect(frames.pending()).toBe(1);
    expect(second).not.toHaveBeenCalled();
    frames.flush();
    expect(second).toHaveBeenCalledTimes(1);
  });

  it("cancels both the wait and the frame", () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const throttled = throttledFrameScheduler(50, frames.scheduler);
    throttled(() => {});
    frames.flush();
    const waiting = vi.fn();
    throttled(waiting)();
    vi.advanceTimersByTime(100);
    expect(frames.pending()).toBe(0);
    vi.advanceTimersByTime(0);
    const framed = vi.fn();
    throttled(framed);
    expect(frames.pending()).toBe(1);
    expect(waiting).not.toHaveBeenCalled();
  });

  it("never waits longer than the interval when the clock is set back", () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const throttled = throttledFrameScheduler(50, frames.scheduler);
    throttled(() => {});
    frames.flush();
    vi.setSystemTime(Date.now() - 3_600_000);
    throttled(() => {});
    vi.advanceTimersByTime(50);
    expect(frames.pending()).toBe(1);
  });

  it("is the frame scheduler itself at 0", () => {
    const frames = manualFrames();
    expect(throttledFrameScheduler(0, frames.scheduler)).toBe(frames.scheduler);
  });

  it("publishes a store's stream at most once per interval, and its end at once", () => {
    vi.useFakeTimers();
    const frames = manualFrames();
    const connection = new FakeConnection();
    const store = createConversationStore({
      connection,
      scheduler: throttledFrameScheduler(50, frames.scheduler),
    });
    const publishes = vi.fn();
    store.subscribe(publishes);
    for (let tick = 0; tick < 10; tick += 1) {
      connection.emit({ type: "text-delta", delta: "y" });
      vi.advanceTimersByTime(10);
      frames.flush();
    }
    // 100 ms of deltas every 10 ms: the first frame, then one per 50 ms.
    expect(publishes).toHaveBeenCalledTimes(2);
    connection.emit({ type: "text-delta", delta: "z" });
    connection.emit({ type: "message-end" });
    expect(publishes).toHaveBeenCalledTimes(3);
    expect(store.getState().messages[0]?.text).toBe("y".repeat(10) + "z");
  });
});
