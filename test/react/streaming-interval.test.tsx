import { act, renderHook } from "@testing-library/react";
import { StrictMode } from "react";
import { AgentRuntimeValidationError } from "../../src/core/errors";
import { useAgentRuntimeSocket } from "../../src/react/use-agent-runtime-socket";
import { countingProvider, fakeConnections, manualAnimationFrames } from "./harness";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

/**
 * Streams one delta every 10 ms for `durationMs`, running a frame after each, and returns how
 * many times the hook rendered a new text meanwhile.
 */
function streamAndCountTexts(options: { streamingInterval?: number }, durationMs: number) {
  vi.useFakeTimers();
  const frames = manualAnimationFrames();
  const { created, createConnection } = fakeConnections();
  const { result } = renderHook(() =>
    useAgentRuntimeSocket({ urlProvider: countingProvider(), createConnection, ...options }),
  );
  const connection = created[0]!;
  act(() => connection.open());
  act(() => connection.emit({ type: "message-start", messageId: "answer" }));
  const texts = new Set<string>();
  for (let elapsed = 0; elapsed < durationMs; elapsed += 10) {
    act(() => connection.emit({ type: "text-delta", messageId: "answer", delta: "w" }));
    act(() => vi.advanceTimersByTime(10));
    act(() => frames.run());
    texts.add(result.current.messages[0]?.text ?? "");
  }
  return { texts, result, connection };
}

describe("useAgentRuntimeSocket: streamingInterval", () => {
  it("draws a streaming answer at most every 50 ms by default, and its end at once", () => {
    const { texts, result, connection } = streamAndCountTexts({}, 500);
    // 50 deltas over 500 ms: the first frame, then one render per 50 ms.
    expect(texts.size).toBeGreaterThanOrEqual(9);
    expect(texts.size).toBeLessThanOrEqual(11);
    act(() => connection.emit({ type: "text-delta", messageId: "answer", delta: "!" }));
    act(() => connection.emit({ type: "message-end", messageId: "answer" }));
    expect(result.current.messages[0]).toMatchObject({
      text: "w".repeat(50) + "!",
      status: "complete",
    });
  });

  it("draws on every frame at 0", () => {
    const { texts } = streamAndCountTexts({ streamingInterval: 0 }, 500);
    expect(texts.size).toBe(50);
  });

  it("renders a failed conversation for an invalid streamingInterval instead of crashing", async () => {
    const { created, createConnection } = fakeConnections();
    const { result } = renderHook(
      () =>
        useAgentRuntimeSocket({
          urlProvider: countingProvider(),
          createConnection,
          streamingInterval: -1,
        }),
      { wrapper: StrictMode },
    );
    await act(async () => {});
    expect(created).toHaveLength(0);
    expect(result.current.status).toBe("failed");
    expect(result.current.error).toBeInstanceOf(AgentRuntimeValidationError);
    expect(result.current.error?.message).toBe(
      "streamingInterval must be a finite number >= 0 (got -1)",
    );
  });
});
