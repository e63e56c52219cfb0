import { createElement, StrictMode } from "react";
import { renderToString } from "react-dom/server";
import type { WebSocketConstructor } from "../../src/connection/types";
import { useAgentRuntimeSocket } from "../../src/react/use-agent-runtime-socket";
import { useConversation } from "../../src/react/use-conversation";
import { selectMessageIds, selectStatus } from "../../src/store/selectors";

/** Runs in the node project: no window, no document, no requestAnimationFrame. */
describe("useAgentRuntimeSocket on a server", () => {
  it("renders an idle, empty conversation without touching a socket or the provider", () => {
    expect(typeof window).toBe("undefined");
    expect(typeof document).toBe("undefined");
    let sockets = 0;
    const CountingWebSocket = class {
      constructor() {
        sockets += 1;
      }
    } as unknown as WebSocketConstructor;
    const urlProvider = vi.fn();
    const createConnection = vi.fn();
    const onMessage = vi.fn();

    function Chat() {
      const socket = useAgentRuntimeSocket({
        urlProvider,
        WebSocket: CountingWebSocket,
        onMessage,
        sessionId: "s".repeat(40),
      });
      const ids = useConversation(socket.store, selectMessageIds);
      const status = useConversation(socket.store, selectStatus);
      return createElement(
        "p",
        null,
        `${status}|${ids.length}|${socket.messages.length}|${String(socket.connection)}|${socket.sessionId}`,
      );
    }
    function ChatWithFactory() {
      useAgentRuntimeSocket({ urlProvider, createConnection, connect: "eager" });
      return null;
    }

    const html = renderToString(
      createElement(StrictMode, null, createElement(Chat), createElement(ChatWithFactory)),
    );

    expect(html).toBe(`<p>idle|0|0|null|${"s".repeat(40)}</p>`);
    expect(sockets).toBe(0);
    expect(urlProvider).not.toHaveBeenCalled();
    expect(createConnection).not.toHaveBeenCalled();
    expect(onMessage).not.toHaveBeenCalled();
  });
});
