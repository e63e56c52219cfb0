import { act, render, renderHook, screen } from "@testing-library/react";
import { StrictMode, useEffect } from "react";
import { AgentRuntimeValidationError } from "../../src/core/errors";
import { AgentRuntimeMessageTooLongError } from "../../src/store/errors";
import type { ChatMessage } from "../../src/store/types";
import { useAgentRuntimeSocket } from "../../src/react/use-agent-runtime-socket";
import { countingProvider, fakeConnections, manualAnimationFrames } from "./harness";

/** Lets the microtask that closes a released conversation run. */
const settle = () => act(async () => {});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("useAgentRuntimeSocket under StrictMode", () => {
  // StrictMode must be the root element: rendered by a wrapper component, React 19 does not
  // replay the effects of the initial mount, and these tests would prove nothing.
  it("really mounts twice here (the environment exercises the double mount)", () => {
    let mounts = 0;
    function Probe() {
      useEffect(() => {
        mounts += 1;
      }, []);
      return null;
    }
    render(<Probe />, { wrapper: StrictMode });
    expect(mounts).toBe(2);
  });

  it("creates one connection, connects once and calls the provider once", async () => {
    const { created, createConnection } = fakeConnections();
    const urlProvider = countingProvider();
    const { result } = renderHook(() => useAgentRuntimeSocket({ urlProvider, createConnection }), {
      wrapper: StrictMode,
    });
    await settle();

    expect(created).toHaveLength(1);
    expect(created[0]!.calls.filter((call) => call === "connect")).toHaveLength(1);
    expect(urlProvider.calls).toBe(1);
    expect(created[0]!.calls).not.toContain("close");
    expect(result.current.connection).toBe(created[0]);
    expect(result.current.status).toBe("connecting");
    expect(result.current.sessionId).toBe(created[0]!.sessionId);

    act(() => created[0]!.open());
    expect(result.current.status).toBe("open");
  });

  it("closes the connection when the component unmounts", async () => {
    const { created, createConnection } = fakeConnections();
    const { unmount } = renderHook(
      () => useAgentRuntimeSocket({ urlProvider: countingProvider(), createConnection }),
      { wrapper: StrictMode },
    );
    await settle();
    unmount();
    await settle();
    expect(created).toHaveLength(1);
    expect(created[0]!.calls).toContain("close");
    expect(created[0]!.listenerCount).toBe(0);
  });

  it("queues a message sent before the socket opens and sends it on open", async () => {
    const { created, createConnection } = fakeConnections();
    const { result } = renderHook(
      () => useAgentRuntimeSocket({ urlProvider: countingProvider(), createConnection }),
      { wrapper: StrictMode },
    );
    let id = "";
    act(() => {
      id = result.current.send("Hello!");
    });
    expect(result.current.messages).toEqual([
      expect.objectContaining({ id, role: "user", text: "Hello!", status: "pending" }),
    ]);
    expect(result.current.connectionState.outbox).toEqual([
      expect.objectContaining({ id, status: "queued" }),
    ]);
    act(() => created[0]!.open());
    expect(result.current.messages[0]?.status).toBe("complete");
    await settle();
    expect(created).toHaveLength(1);
  });

  it("streams an answer and calls onMessage once per finished message", async () => {
    const frames = manualAnimationFrames();
    const { created, createConnection } = fakeConnections();
    const onMessage = vi.fn<(message: ChatMessage) => void>();
    const { result } = renderHook(
      () => useAgentRuntimeSocket({ urlProvider: countingProvider(), createConnection, onMessage }),
      { wrapper: StrictMode },
    );
    act(() => {
      created[0]!.open();
      created[0]!.emit({ type: "text-delta", messageId: "a1", delta: "Hi " });
      created[0]!.emit({ type: "text-delta", messageId: "a1", delta: "there" });
    });
    expect(result.current.messages).toHaveLength(0);
    act(() => frames.run());
    expect(result.current.messages[0]).toMatchObject({ text: "Hi there", status: "streaming" });
    expect(result.current.isStreaming).toBe(true);
    act(() => created[0]!.emit({ type: "message-end", messageId: "a1" }));
    expect(result.current.isStreaming).toBe(false);
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(onMessage).toHaveBeenCalledWith(result.current.messages[0]);
  });

  it("uses the latest callbacks without resubscribing", () => {
    const { created, createConnection } = fakeConnections();
    const first = vi.fn();
    const second = vi.fn();
    const onError = vi.fn();
    const { rerender } = renderHook(
      ({ onMessage }) =>
        useAgentRuntimeSocket({
          urlProvider: countingProvider(),
          createConnection,
          onMessage,
          onError,
        }),
      { wrapper: StrictMode, initialProps: { onMessage: first } },
    );
    const listenersBefore = created[0]!.listenerCount;
    rerender({ onMessage: second });
    expect(created[0]!.listenerCount).toBe(listenersBefore);
    act(() => created[0]!.emit({ type: "text-delta", delta: "x" }, { type: "message-end" }));
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
    act(() => created[0]!.emit({ type: "error", message: "agent failed", fatal: true }));
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "agent failed" }));
  });

  it("stop() marks the answer stopped and stops the connection", () => {
    const { created, createConnection } = fakeConnections();
    const { result } = renderHook(
      () => useAgentRuntimeSocket({ urlProvider: countingProvider(), createConnection }),
      { wrapper: StrictMode },
    );
    act(() => {
      created[0]!.open();
      created[0]!.emit({ type: "text-delta", delta: "long answ" });
    });
    act(() => result.current.stop());
    expect(result.current.messages[0]?.status).toBe("stopped");
    expect(created[0]!.calls).toContain("stop");
  });

  it("keeps action identities stable across renders", () => {
    const { created, createConnection } = fakeConnections();
    const { result } = renderHook(
      () => useAgentRuntimeSocket({ urlProvider: countingProvider(), createConnection }),
      { wrapper: StrictMode },
    );
    const { send, stop, retry, reconnect, close, store } = result.current;
    act(() => created[0]!.open());
    expect(result.current.send).toBe(send);
    expect(result.current.stop).toBe(stop);
    expect(result.current.retry).toBe(retry);
    expect(result.current.reconnect).toBe(reconnect);
    expect(result.current.close).toBe(close);
    expect(result.current.store).toBe(store);
  });
});

describe("useAgentRuntimeSocket connect modes", () => {
  it('"on-send" connects on the first send, once', async () => {
    const { created, createConnection } = fakeConnections();
    const urlProvider = countingProvider();
    const { result } = renderHook(
      () => useAgentRuntimeSocket({ urlProvider, createConnection, connect: "on-send" }),
      { wrapper: StrictMode },
    );
    await settle();
    expect(created).toHaveLength(1);
    expect(created[0]!.calls).toEqual([]);
    expect(result.current.status).toBe("idle");
    expect(urlProvider.calls).toBe(0);

    act(() => {
      result.current.send("one");
      result.current.send("two");
    });
    expect(created[0]!.calls.filter((call) => call === "connect")).toHaveLength(1);
    expect(urlProvider.calls).toBe(1);
    expect(result.current.messages.map((message) => message.status)).toEqual([
      "pending",
      "pending",
    ]);
  });

  it('"manual" waits for connect(), queueing what is sent before', () => {
    const { created, createConnection } = fakeConnections();
    const { result } = renderHook(
      () =>
        useAgentRuntimeSocket({
          urlProvider: countingProvider(),
          createConnection,
          connect: "manual",
        }),
      { wrapper: StrictMode },
    );
    act(() => {
      result.current.send("early");
    });
    expect(created[0]!.calls).toEqual(["send"]);
    act(() => result.current.connect());
    expect(result.current.status).toBe("connecting");
  });

  it('switching from "manual" to "eager" connects', () => {
    const { created, createConnection } = fakeConnections();
    const { rerender, result } = renderHook(
      ({ connect }: { connect: "manual" | "eager" }) =>
        useAgentRuntimeSocket({ urlProvider: countingProvider(), createConnection, connect }),
      { wrapper: StrictMode, initialProps: { connect: "manual" } },
    );
    expect(result.current.status).toBe("idle");
    rerender({ connect: "eager" });
    expect(result.current.status).toBe("connecting");
    expect(created).toHaveLength(1);
  });
});

describe("useAgentRuntimeSocket option changes", () => {
  it("does not reconnect when the provider's identity changes, and fetches the next URL from the latest one", async () => {
    const { created, createConnection } = fakeConnections();
    const first = countingProvider();
    const second = countingProvider();
    const { rerender } = renderHook(
      ({ urlProvider }) => useAgentRuntimeSocket({ urlProvider, createConnection }),
      { wrapper: StrictMode, initialProps: { urlProvider: first } },
    );
    rerender({ urlProvider: second });
    rerender({ urlProvider: countingProvider() });
    rerender({ urlProvider: second });
    await settle();

    expect(created).toHaveLength(1);
    expect(created[0]!.calls).toEqual(["connect"]);
    expect(first.calls).toBe(1);

    // The connection's next URL fetch (a re-presign or a reconnect) goes to the latest provider.
    const context = {
      sessionId: created[0]!.sessionId,
      signal: new AbortController().signal,
      attempt: 0,
    };
    await created[0]!.options.urlProvider!(context);
    expect(first.calls).toBe(1);
    expect(second.calls).toBe(1);
  });

  it("starts a new conversation when sessionId changes and closes the old one", async () => {
    const { created, createConnection } = fakeConnections();
    const idA = "a".repeat(40);
    const idB = "b".repeat(40);
    const { rerender, result } = renderHook(
      ({ sessionId }) =>
        useAgentRuntimeSocket({ urlProvider: countingProvider(), createConnection, sessionId }),
      { wrapper: StrictMode, initialProps: { sessionId: idA } },
    );
    act(() => {
      result.current.send("in conversation A");
    });
    rerender({ sessionId: idB });
    await settle();

    expect(created.map((connection) => connection.sessionId)).toEqual([idA, idB]);
    expect(created[0]!.calls).toContain("close");
    expect(created[1]!.calls).toEqual(["connect"]);
    expect(result.current.sessionId).toBe(idB);
    expect(result.current.messages).toEqual([]);
  });

  it("keeps the conversation when the app passes back the session id the connection uses", async () => {
    const { created, createConnection } = fakeConnections();
    const { rerender, result } = renderHook(
      ({ sessionId }: { sessionId?: string }) =>
        useAgentRuntimeSocket({ urlProvider: countingProvider(), createConnection, sessionId }),
      { wrapper: StrictMode, initialProps: {} },
    );
    const adopted = result.current.sessionId!;
    rerender({ sessionId: adopted });
    await settle();
    expect(created).toHaveLength(1);
    expect(created[0]!.calls).not.toContain("close");

    rerender({});
    await settle();
    expect(created).toHaveLength(2);
  });
});

describe("useAgentRuntimeSocket before its effects run", () => {
  it("reads as an idle, empty conversation without a connection", () => {
    const { created, createConnection } = fakeConnections();
    const seen: Array<{ connection: unknown; status: string; sessionId: string | null }> = [];
    function Chat() {
      const socket = useAgentRuntimeSocket({
        urlProvider: countingProvider(),
        createConnection,
        connect: "manual",
      });
      seen.push({
        connection: socket.connection,
        status: socket.status,
        sessionId: socket.sessionId,
      });
      return null;
    }
    render(
      <StrictMode>
        <Chat />
      </StrictMode>,
    );
    expect(seen[0]).toEqual({ connection: null, status: "idle", sessionId: null });
    expect(seen[seen.length - 1]?.connection).toBe(created[0]);
  });

  it("lets a child send from its own effect, before the owner's effects ran", async () => {
    const { created, createConnection } = fakeConnections();
    function AutoSend({ send }: { send: (text: string) => string }) {
      useEffect(() => {
        send("hello from a child effect");
      }, [send]);
      return null;
    }
    function Chat() {
      const { send, messages } = useAgentRuntimeSocket({
        urlProvider: countingProvider(),
        createConnection,
      });
      return (
        <>
          <AutoSend send={send} />
          <p>{messages.length}</p>
        </>
      );
    }
    render(<Chat />, { wrapper: StrictMode });
    await settle();
    expect(created).toHaveLength(1);
    expect(created[0]!.calls.filter((call) => call === "connect")).toHaveLength(1);
    // StrictMode runs the child's effect twice too: two sends, one connection.
    expect(created[0]!.getSnapshot().outbox.map((entry) => entry.message)).toEqual([
      "hello from a child effect",
      "hello from a child effect",
    ]);
    expect(screen.getByText("2")).toBeInTheDocument();
  });
});

describe("useAgentRuntimeSocket with options the connection refuses", () => {
  it("renders a failed conversation with the typed error instead of crashing", async () => {
    class InvalidOptionError extends Error {}
    const refused = new InvalidOptionError("sessionId must be 33-256 visible ASCII characters");
    const onError = vi.fn();
    const { result } = renderHook(
      () =>
        useAgentRuntimeSocket({
          urlProvider: countingProvider(),
          sessionId: "short",
          createConnection: () => {
            throw refused;
          },
          onError,
        }),
      { wrapper: StrictMode },
    );
    await settle();
    expect(result.current.status).toBe("failed");
    expect(result.current.error).toBe(refused);
    expect(result.current.connection).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(() => result.current.send("x")).toThrow(refused);
  });
});

describe("useAgentRuntimeSocket: maxMessageChars", () => {
  it("caps agent messages and reports the cut once through onError", () => {
    const { created, createConnection } = fakeConnections();
    const onError = vi.fn();
    const { result } = renderHook(
      () =>
        useAgentRuntimeSocket({
          urlProvider: countingProvider(),
          createConnection,
          maxMessageChars: 5,
          onError,
        }),
      { wrapper: StrictMode },
    );
    act(() =>
      created[0]!.emit(
        { type: "text-delta", messageId: "a1", delta: "Hello world" },
        { type: "text-delta", messageId: "a1", delta: "!" },
        { type: "message-end", messageId: "a1" },
      ),
    );
    expect(result.current.messages[0]).toMatchObject({ text: "Hello", truncated: true });
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toBeInstanceOf(AgentRuntimeMessageTooLongError);
  });

  it("renders a failed conversation for an invalid maxMessageChars instead of crashing", async () => {
    const { created, createConnection } = fakeConnections();
    const onError = vi.fn();
    const { result } = renderHook(
      () =>
        useAgentRuntimeSocket({
          urlProvider: countingProvider(),
          createConnection,
          maxMessageChars: 0,
          onError,
        }),
      { wrapper: StrictMode },
    );
    await settle();
    expect(created).toHaveLength(0);
    expect(result.current.status).toBe("failed");
    expect(result.current.error).toBeInstanceOf(AgentRuntimeValidationError);
    expect(result.current.error?.message).toBe(
      "maxMessageChars must be a whole number >= 1 (got 0)",
    );
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
