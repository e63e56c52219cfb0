import { act, renderHook } from "@testing-library/react";
import { StrictMode } from "react";
import { useConversation } from "../../src/react/use-conversation";
import { createConversationStore } from "../../src/store/create-conversation-store";
import { selectIsStreaming, selectStatus } from "../../src/store/selectors";
import { FakeConnection } from "../../src/store/test-utils/fake-connection";
import { createManualScheduler } from "../../src/store/test-utils/manual-scheduler";
import type { ConversationState } from "../../src/store/types";

function setup() {
  const connection = new FakeConnection();
  const frames = createManualScheduler();
  const store = createConversationStore({ connection, scheduler: frames.scheduler });
  return { connection, frames, store };
}

describe("useConversation", () => {
  it("returns the whole state without a selector", () => {
    const { store, connection } = setup();
    const { result } = renderHook(() => useConversation(store), { wrapper: StrictMode });
    expect(result.current).toBe(store.getState());
    act(() => connection.open());
    expect(result.current).toBe(store.getState());
    expect(result.current.connection.status).toBe("open");
  });

  it("re-renders only when the selected value changes", () => {
    const { store, connection, frames } = setup();
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return useConversation(store, selectStatus);
      },
      { wrapper: StrictMode },
    );
    const initialRenders = renders;
    act(() => {
      connection.emit({ type: "text-delta", delta: "x" });
      frames.frame();
    });
    act(() => connection.setError(new Error("noise")));
    expect(renders).toBe(initialRenders);
    act(() => connection.open());
    expect(result.current).toBe("open");
    expect(renders).toBeGreaterThan(initialRenders);
  });

  it("keeps an equal selection's identity with a custom equality function", () => {
    const { store, connection, frames } = setup();
    const select = (state: ConversationState) => ({
      streaming: selectIsStreaming(state),
      count: state.messages.length,
    });
    const shallow = (a: ReturnType<typeof select>, b: ReturnType<typeof select>) =>
      a.streaming === b.streaming && a.count === b.count;
    let renders = 0;
    const { result } = renderHook(
      () => {
        renders += 1;
        return useConversation(store, select, shallow);
      },
      { wrapper: StrictMode },
    );
    act(() => {
      connection.emit({ type: "text-delta", delta: "a" });
      frames.frame();
    });
    const first = result.current;
    const rendersAfterFirst = renders;
    expect(first).toEqual({ streaming: true, count: 1 });
    for (let i = 0; i < 5; i += 1) {
      act(() => {
        connection.emit({ type: "text-delta", delta: "b" });
        frames.frame();
      });
    }
    expect(result.current).toBe(first);
    expect(renders).toBe(rendersAfterFirst);
  });
});

describe("a conversation under zustand's own useStore", () => {
  it("works as a zustand store: selection, updates and the server snapshot", async () => {
    const { useStore } = await import("zustand");
    const { store, connection } = setup();
    const { result } = renderHook(() => useStore(store, selectStatus), { wrapper: StrictMode });
    expect(result.current).toBe("idle");
    act(() => connection.open());
    expect(result.current).toBe("open");
    expect(store.getInitialState().connection).toMatchObject({
      status: "idle",
      sessionId: connection.sessionId,
    });
  });
});
