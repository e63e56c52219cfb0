import { createConversationStore } from "./create-conversation-store";
import { animationFrameScheduler } from "./frame-scheduler";
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
