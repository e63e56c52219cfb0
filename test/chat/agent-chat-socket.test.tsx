import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { StrictMode, useEffect, useState } from "react";
import { AgentRuntimeConnection } from "../../src/connection/agent-runtime-connection";
import { stalledWebSocket } from "../../src/connection/test-utils/harness";
import { AgentChat } from "../../src/index";
import { useAgentRuntimeSocket } from "../../src/react/use-agent-runtime-socket";
import { createConversationStore } from "../../src/store/create-conversation-store";
import { mockAgent } from "../react/mock-socket-harness";
import { liveRegion } from "./render-chat";

// <AgentChat> over the real hook, connection and text codec, against an in-memory agent.

let agent: ReturnType<typeof mockAgent>;
beforeEach(() => {
  agent = mockAgent();
});
afterEach(() => {
  agent.server.stop();
});

type ServerSocket = {
  send(data: string): void;
  close(options?: { code: number; reason: string; wasClean: boolean }): void;
};
const serverSocket = () => agent.socket as unknown as ServerSocket;

function input(): HTMLTextAreaElement {
  return screen.getByRole("textbox", { name: "Message" });
}

function banner(): HTMLElement | null {
  return document.querySelector(".acr-connection-banner");
}

async function renderOwnSocket() {
  const user = userEvent.setup();
  render(
    <StrictMode>
      <AgentChat urlProvider={agent.urlProvider} WebSocket={agent.WebSocket} suggestions={["Hi"]} />
    </StrictMode>,
  );
  await waitFor(() => expect(agent.constructed).toBe(1));
  await waitFor(() => expect(banner()).toBeNull());
  return user;
}

describe("<AgentChat urlProvider>", () => {
  it("opens one socket under StrictMode, sends, streams the answer and announces it once", async () => {
    const user = await renderOwnSocket();
    expect(agent.providerCalls).toHaveLength(1);
    await user.type(input(), "Hello agent{Enter}");
    await waitFor(() => expect(agent.received).toHaveLength(1));
    expect(JSON.parse(agent.received[0]!)).toEqual({ inputText: "Hello agent" });

    act(() => serverSocket().send(JSON.stringify({ text: "Hi, " })));
    await waitFor(() => expect(document.querySelector('[aria-busy="true"]')).not.toBeNull());
    expect(screen.getByRole("button", { name: "Stop" })).toBeInTheDocument();
    act(() => serverSocket().send(JSON.stringify({ text: "how can I help?", done: true })));
    await waitFor(() => expect(liveRegion()).toHaveTextContent("Agent: Hi, how can I help?"));
    expect(document.querySelector('[aria-busy="true"]')).toBeNull();
    expect(agent.constructed).toBe(1);
  });

  it("stops an answer for real: marked stopped, stream reopened on the same session", async () => {
    const user = await renderOwnSocket();
    act(() => serverSocket().send("Once upon a time"));
    await user.click(await screen.findByRole("button", { name: "Stop" }));
    expect(await screen.findByText("Stopped")).toBeInTheDocument();
    await waitFor(() => expect(agent.constructed).toBe(2));
    expect(new Set(agent.providerCalls).size).toBe(1);
    expect(input()).toHaveFocus();
  });

  it("shows the expired-credentials banner on 1008 and presigns a fresh URL", async () => {
    await renderOwnSocket();
    act(() => serverSocket().close({ code: 1008, reason: "expired", wasClean: true }));
    await waitFor(() => expect(banner()).toHaveTextContent("Credentials expired"));
    expect(screen.getByRole("button", { name: "Retry now" })).toBeInTheDocument();
    await waitFor(() => expect(agent.constructed).toBe(2), { timeout: 20_000 });
    await waitFor(() => expect(banner()).toBeNull(), { timeout: 20_000 });
    expect(agent.providerCalls.length).toBeGreaterThanOrEqual(2);
  });

  it("fails the message the runtime refused with 1009 and offers Retry", async () => {
    const user = await renderOwnSocket();
    await user.type(input(), "a huge message{Enter}");
    await waitFor(() => expect(agent.received).toHaveLength(1));
    act(() => serverSocket().close({ code: 1009, reason: "too big", wasClean: true }));
    const failed = await screen.findByText(/Not delivered: .*1009/);
    const article = failed.closest("article")!;
    expect(within(article).getByText("a huge message")).toBeInTheDocument();
    await waitFor(() => expect(agent.constructed).toBe(2), { timeout: 20_000 });
    await waitFor(() => expect(banner()).toBeNull(), { timeout: 20_000 });
    await user.click(within(article).getByRole("button", { name: "Retry" }));
    await waitFor(() => expect(agent.received).toHaveLength(2));
    expect(JSON.parse(agent.received[1]!)).toEqual({ inputText: "a huge message" });
  });

  it("sends a suggestion through the socket", async () => {
    const user = await renderOwnSocket();
    await user.click(screen.getByRole("button", { name: "Hi" }));
    await waitFor(() => expect(agent.received).toHaveLength(1));
    expect(JSON.parse(agent.received[0]!)).toEqual({ inputText: "Hi" });
  });

  it("closes its socket when unmounted", async () => {
    const { unmount } = render(
      <AgentChat urlProvider={agent.urlProvider} WebSocket={agent.WebSocket} />,
    );
    await waitFor(() => expect(agent.opened).toBe(1));
    unmount();
    await waitFor(() => expect(agent.closes).toBe(1));
  });

  it("closes a socket still connecting when unmounted", async () => {
    const { WebSocket: StalledWebSocket, made } = stalledWebSocket();
    const { unmount } = render(
      <AgentChat urlProvider={agent.urlProvider} WebSocket={StalledWebSocket} />,
    );
    await waitFor(() => expect(made).toHaveLength(1));
    expect(made[0]!.closed).toBe(false);
    unmount();
    await waitFor(() => expect(made[0]!.closed).toBe(true));
    expect(made).toHaveLength(1);
  });
});

describe("<AgentChat chat> over a conversation the app owns", () => {
  it("takes the hook's result; the app re-rendering per chunk does not re-render the messages", async () => {
    const renders: string[] = [];
    let appRenders = 0;
    function App() {
      appRenders += 1;
      const chat = useAgentRuntimeSocket({
        urlProvider: agent.urlProvider,
        WebSocket: agent.WebSocket,
      });
      return (
        <>
          <p data-testid="app-status">{chat.status}</p>
          <AgentChat
            chat={chat}
            renderMessage={(message, { renderDefault }) => {
              renders.push(message.id);
              return renderDefault();
            }}
          />
        </>
      );
    }
    const user = userEvent.setup();
    render(<App />);
    await waitFor(() => expect(screen.getByTestId("app-status")).toHaveTextContent("open"));
    await user.type(input(), "a question{Enter}");
    await waitFor(() => expect(agent.received).toHaveLength(1));
    act(() => serverSocket().send(JSON.stringify({ text: "first " })));
    await screen.findByText(/first/);
    const appBefore = appRenders;
    const [answerId] = renders.slice(-1);
    renders.length = 0;
    for (const word of ["second ", "third ", "fourth"]) {
      act(() => serverSocket().send(JSON.stringify({ text: word })));
      await screen.findByText(new RegExp(word.trim()));
    }
    expect(appRenders).toBeGreaterThan(appBefore);
    // Only the streaming answer re-rendered, once per published update.
    expect(new Set(renders)).toEqual(new Set([answerId]));
    expect(renders.length).toBeLessThanOrEqual(3);
  });

  it("takes a conversation store built on a connection the app created", async () => {
    function App() {
      const [store] = useState(() =>
        createConversationStore({
          connection: new AgentRuntimeConnection({
            urlProvider: agent.urlProvider,
            WebSocket: agent.WebSocket,
          }),
        }),
      );
      // The app owns the connection, so it opens (and would close) it.
      useEffect(() => store.connect(), [store]);
      return <AgentChat chat={store} />;
    }
    const user = userEvent.setup();
    render(<App />);
    await user.type(input(), "from my own connection{Enter}");
    await waitFor(() => expect(agent.received).toHaveLength(1));
    expect(JSON.parse(agent.received[0]!)).toEqual({ inputText: "from my own connection" });
  });
});
