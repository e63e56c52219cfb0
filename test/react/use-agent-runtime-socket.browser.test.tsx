import { act, render, renderHook, screen, waitFor } from "@testing-library/react";
import { Profiler, StrictMode, useEffect } from "react";
import { inject } from "vitest";
import type { WebSocketConstructor } from "../../src/connection/types";
import type { PresignedConnection, UrlProvider } from "../../src/providers/types";
import { useAgentRuntimeSocket } from "../../src/react/use-agent-runtime-socket";
import type { ChatMessage } from "../../src/store/types";

/** The browser's own WebSocket, counting constructions and keeping each socket. */
function countingWebSocket() {
  const sockets: WebSocket[] = [];
  class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      sockets.push(this);
    }
  }
  return { sockets, WebSocket: CountingWebSocket as unknown as WebSocketConstructor };
}

/** A provider for the loopback test agent that counts its calls. */
function agentProvider() {
  const calls: string[] = [];
  const urlProvider: UrlProvider = async ({ sessionId }): Promise<PresignedConnection> => {
    calls.push(sessionId);
    return { url: inject("agentServerUrl"), expiresAt: Date.now() + 300_000, sessionId };
  };
  return { calls, urlProvider };
}

describe("useAgentRuntimeSocket in Chromium with a real WebSocket", () => {
  it("runs in a real browser against a loopback server", () => {
    expect(navigator.userAgent).toMatch(/Chrome/);
    expect(inject("agentServerUrl")).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/agent$/);
  });

  it("under StrictMode opens one socket, asks the provider once, queues a send before open, and closes on unmount", async () => {
    let mounts = 0;
    const { sockets, WebSocket } = countingWebSocket();
    const provider = agentProvider();
    const onMessage = vi.fn<(message: ChatMessage) => void>();
    const { result, unmount } = renderHook(
      () => {
        useEffect(() => {
          mounts += 1;
        }, []);
        return useAgentRuntimeSocket({ urlProvider: provider.urlProvider, WebSocket, onMessage });
      },
      { wrapper: StrictMode },
    );
    expect(mounts).toBe(2);
    act(() => {
      result.current.send("hello");
    });
    expect(result.current.messages[0]).toMatchObject({ status: "pending", text: "hello" });

    await waitFor(() => expect(onMessage).toHaveBeenCalledTimes(1));
    expect(result.current.status).toBe("open");
    expect(
      result.current.messages.map((message) => [message.role, message.status, message.text]),
    ).toEqual([
      ["user", "complete", "hello"],
      ["assistant", "complete", "echo: hello"],
    ]);
    expect(sockets).toHaveLength(1);
    expect(provider.calls).toEqual([result.current.sessionId]);

    unmount();
    await waitFor(() => expect(sockets[0]!.readyState).toBe(globalThis.WebSocket.CLOSED));
    expect(sockets).toHaveLength(1);
    expect(provider.calls).toHaveLength(1);
  });

  it("commits about once per animation frame while 1,000 chunks stream, not once per chunk", async () => {
    const CHUNKS = 1_000;
    const { sockets, WebSocket } = countingWebSocket();
    const provider = agentProvider();
    let commits = 0;
    function Chat() {
      const { messages, send, status } = useAgentRuntimeSocket({
        urlProvider: provider.urlProvider,
        WebSocket,
      });
      return (
        <>
          <output>{status}</output>
          <button onClick={() => send(`stream:${CHUNKS}`)}>Go</button>
          {messages.map((message) => (
            <p key={message.id} data-status={message.status}>
              {message.role === "assistant" ? message.text.length : message.text}
            </p>
          ))}
        </>
      );
    }
    render(
      <StrictMode>
        <Profiler id="chat" onRender={() => (commits += 1)}>
          <Chat />
        </Profiler>
      </StrictMode>,
    );
    await screen.findByText("open");

    let frames = 0;
    let counting = true;
    const tick = () => {
      frames += 1;
      if (counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const commitsBefore = commits;
    act(() => screen.getByRole("button", { name: "Go" }).click());
    const answer = await screen.findByText(String(CHUNKS * 2), {}, { timeout: 10_000 });
    counting = false;
    expect(answer.dataset.status).toBe("complete");

    const streamedCommits = commits - commitsBefore;
    // One commit per frame that had news, plus the user message and the flush at the end.
    expect(streamedCommits).toBeLessThanOrEqual(frames + 5);
    expect(streamedCommits).toBeLessThan(CHUNKS / 2);
    expect(sockets).toHaveLength(1);
  });
});
