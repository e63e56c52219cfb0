import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { StrictMode } from "react";
import { agUiCodec } from "../../src/codecs/ag-ui-codec";
import type { AgentEvent } from "../../src/codecs/types";
import { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import { AgentRuntimeValidationError } from "../../src/core/errors";
import { useAgentRuntimeSocket } from "../../src/react/use-agent-runtime-socket";
import type { ChatMessage } from "../../src/store/types";
import { mockAgent } from "./mock-socket-harness";

let agent: ReturnType<typeof mockAgent>;
beforeEach(() => {
  agent = mockAgent();
});
afterEach(() => {
  agent.server.stop();
});

describe("useAgentRuntimeSocket with AgentRuntimeConnection and a mock socket", () => {
  it("opens one socket and asks the provider once under StrictMode; a message sent before open goes out once", async () => {
    const onMessage = vi.fn<(message: ChatMessage) => void>();
    const { result } = renderHook(
      () =>
        useAgentRuntimeSocket({
          urlProvider: agent.urlProvider,
          WebSocket: agent.WebSocket,
          onMessage,
        }),
      { wrapper: StrictMode },
    );
    expect(result.current.connection).toBeInstanceOf(AgentRuntimeConnection);
    act(() => {
      result.current.send("Hello!");
    });
    expect(result.current.messages[0]).toMatchObject({ role: "user", status: "pending" });

    await waitFor(() => expect(result.current.status).toBe("open"));
    await waitFor(() => expect(agent.received).toHaveLength(1));
    expect(JSON.parse(agent.received[0]!)).toEqual({ inputText: "Hello!" });
    expect(result.current.messages[0]?.status).toBe("complete");
    expect(agent.constructed).toBe(1);
    expect(agent.providerCalls).toEqual([result.current.sessionId]);

    act(() => {
      for (const chunk of ["Hi", ", how ", "can I help?"]) agent.socket.send(chunk);
      agent.socket.send(JSON.stringify({ done: true }));
    });
    await waitFor(() => expect(onMessage).toHaveBeenCalledTimes(1));
    expect(result.current.messages[1]).toMatchObject({
      role: "assistant",
      text: "Hi, how can I help?",
      status: "complete",
    });
    expect(agent.constructed).toBe(1);
  });

  it("closes the socket on unmount", async () => {
    const { result, unmount } = renderHook(
      () => useAgentRuntimeSocket({ urlProvider: agent.urlProvider, WebSocket: agent.WebSocket }),
      { wrapper: StrictMode },
    );
    await waitFor(() => expect(result.current.status).toBe("open"));
    const connection = result.current.connection!;
    unmount();
    await waitFor(() => expect(agent.closes).toBe(1));
    expect(connection.getSnapshot().status).toBe("closed");
    expect(agent.constructed).toBe(1);
  });

  it("keeps the socket when the provider's identity changes", async () => {
    const { result, rerender } = renderHook(
      ({ tick }) =>
        useAgentRuntimeSocket({
          // A new function on every render, as an inline provider is.
          urlProvider: (context) => {
            void tick;
            return agent.urlProvider(context);
          },
          WebSocket: agent.WebSocket,
        }),
      { wrapper: StrictMode, initialProps: { tick: 0 } },
    );
    await waitFor(() => expect(result.current.status).toBe("open"));
    for (let tick = 1; tick < 5; tick += 1) rerender({ tick });
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(result.current.status).toBe("open");
    expect(agent.constructed).toBe(1);
    expect(agent.providerCalls).toHaveLength(1);
  });

  it("shows a stopped answer and reopens the stream on the same session (text codec has no cancel frame)", async () => {
    function Chat() {
      const { messages, stop, status, sessionId } = useAgentRuntimeSocket({
        urlProvider: agent.urlProvider,
        WebSocket: agent.WebSocket,
      });
      return (
        <>
          <output>{status}</output>
          <output data-testid="session">{sessionId}</output>
          {messages.map((message) => (
            <p key={message.id}>{`${message.status}:${message.text}`}</p>
          ))}
          <button onClick={stop}>Stop</button>
        </>
      );
    }
    render(<Chat />, { wrapper: StrictMode });
    await screen.findByText("open");
    const sessionId = screen.getByTestId("session").textContent;
    act(() => agent.socket.send("Once upon a"));
    await screen.findByText("streaming:Once upon a");
    act(() => screen.getByRole("button", { name: "Stop" }).click());
    expect(screen.getByText("stopped:Once upon a")).toBeInTheDocument();
    await waitFor(() => expect(agent.constructed).toBe(2));
    await screen.findByText("open");
    expect(new Set(agent.providerCalls)).toEqual(new Set([sessionId]));
    expect(screen.getByTestId("session").textContent).toBe(sessionId);
  });

  it("builds an answer with a tool call from an AG-UI agent and passes other events to onEvent", async () => {
    const onEvent = vi.fn<(event: AgentEvent) => void>();
    const { result } = renderHook(
      () =>
        useAgentRuntimeSocket({
          urlProvider: agent.urlProvider,
          WebSocket: agent.WebSocket,
          codec: agUiCodec,
          onEvent,
        }),
      { wrapper: StrictMode },
    );
    act(() => {
      result.current.send("weather?");
    });
    await waitFor(() => expect(agent.received).toHaveLength(1));
    const frames = [
      { type: "RUN_STARTED", threadId: "t", runId: "r" },
      { type: "TEXT_MESSAGE_START", messageId: "m1", role: "assistant" },
      { type: "TEXT_MESSAGE_CONTENT", messageId: "m1", delta: "Checking. " },
      { type: "TEXT_MESSAGE_END", messageId: "m1" },
      {
        type: "TOOL_CALL_START",
        toolCallId: "c1",
        toolCallName: "forecast",
        parentMessageId: "m1",
      },
      { type: "TOOL_CALL_ARGS", toolCallId: "c1", delta: '{"city":"Oslo"}' },
      { type: "TOOL_CALL_END", toolCallId: "c1" },
      { type: "TOOL_CALL_RESULT", messageId: "tool-1", toolCallId: "c1", content: "snow" },
      { type: "STATE_SNAPSHOT", snapshot: { step: 2 } },
      { type: "TEXT_MESSAGE_START", messageId: "m2", role: "assistant" },
      { type: "TEXT_MESSAGE_CONTENT", messageId: "m2", delta: "Snow in Oslo." },
      { type: "TEXT_MESSAGE_END", messageId: "m2" },
      { type: "RUN_FINISHED", threadId: "t", runId: "r" },
    ];
    act(() => {
      for (const frame of frames) agent.socket.send(JSON.stringify(frame));
    });
    await waitFor(() => expect(result.current.messages).toHaveLength(3));
    await waitFor(() => expect(result.current.isStreaming).toBe(false));
    const [, first, second] = result.current.messages;
    expect(first).toMatchObject({ id: "m1", status: "complete", text: "Checking. " });
    expect(first?.parts[1]).toEqual({
      type: "tool-call",
      toolCallId: "c1",
      name: "forecast",
      args: '{"city":"Oslo"}',
      result: "snow",
      status: "complete",
    });
    expect(second).toMatchObject({ id: "m2", status: "complete", text: "Snow in Oslo." });
    expect(onEvent).toHaveBeenCalledWith({ type: "state-snapshot", snapshot: { step: 2 } });
  });

  it("renders a failed conversation for a session id the connection refuses", async () => {
    const onError = vi.fn();
    const { result } = renderHook(
      () =>
        useAgentRuntimeSocket({
          urlProvider: agent.urlProvider,
          WebSocket: agent.WebSocket,
          sessionId: "too-short",
          onError,
        }),
      { wrapper: StrictMode },
    );
    await act(async () => {});
    expect(result.current.status).toBe("failed");
    expect(result.current.error).toBeInstanceOf(AgentRuntimeValidationError);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(agent.constructed).toBe(0);
    expect(agent.providerCalls).toHaveLength(0);
  });
});
