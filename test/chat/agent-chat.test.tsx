import { act, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import {
  AgentChat,
  Composer,
  ConnectionBanner,
  MessageList,
  StopButton,
  type ChatStore,
} from "../../src/index";
import {
  chatMessage,
  createScriptedChat,
  longThread,
} from "../../src/react/components/test-utils/scripted-chat";
import { markdown } from "../../src/markdown";
import { renderChat } from "./render-chat";

describe("AgentChat", () => {
  it("welcomes with suggestions; choosing one sends it and focuses the input", async () => {
    const { chat, user } = renderChat({
      props: {
        suggestions: ["What can you do?", { label: "Weather", prompt: "Weather in Paris?" }],
      },
    });
    expect(screen.getByRole("heading", { name: "How can I help?" })).toBeInTheDocument();
    const list = screen.getByRole("list", { name: "Suggestions" });
    await user.click(within(list).getByRole("button", { name: "Weather" }));
    expect(chat.calls.send).toEqual(["Weather in Paris?"]);
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveFocus();
    expect(screen.queryByRole("heading", { name: "How can I help?" })).not.toBeInTheDocument();
  });

  it("takes a custom empty state", () => {
    renderChat({ props: { emptyState: <p>Ask me about invoices</p> } });
    expect(screen.getByText("Ask me about invoices")).toBeInTheDocument();
    expect(screen.queryByRole("heading")).not.toBeInTheDocument();
  });

  it("uses overridden labels and keeps the defaults for the rest", () => {
    renderChat({
      connection: { status: "reconnecting", attempt: 1, nextRetryAt: null },
      props: {
        labels: {
          send: "Enviar",
          composerLabel: "Mensaje",
          reconnecting: () => "Reconectando…",
          welcomeTitle: "Hola",
        },
      },
    });
    expect(screen.getByRole("button", { name: "Enviar" })).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Mensaje" })).toBeInTheDocument();
    expect(document.querySelector(".acr-connection-banner")).toHaveTextContent("Reconectando…");
    expect(screen.getByRole("heading", { name: "Hola" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Retry now" })).toBeInTheDocument();
  });

  it("sets theme, density and direction on its root", () => {
    const { container, rerender, chat } = renderChat({
      props: { theme: "dark", density: "compact", dir: "rtl" },
    });
    const root = container.querySelector(".acr-chat")!;
    expect(root).toHaveAttribute("data-theme", "dark");
    expect(root).toHaveAttribute("data-density", "compact");
    expect(root).toHaveAttribute("dir", "rtl");
    rerender(<AgentChat chat={chat} className="mine" />);
    expect(root).not.toHaveAttribute("data-theme");
    expect(root).toHaveClass("acr-chat", "mine");
    expect(screen.getByRole("region", { name: "Chat with the agent" })).toBe(root);
  });

  it("lays out parts given as children, each taking a className", async () => {
    const chat = createScriptedChat({ connection: { status: "connecting" } });
    render(
      <AgentChat chat={chat}>
        <header>My agent</header>
        <MessageList className="my-list" emptyState={null} />
        <ConnectionBanner className="my-banner" />
        <Composer className="my-composer" actions={<StopButton className="my-stop" />} />
      </AgentChat>,
    );
    expect(screen.getByText("My agent")).toBeInTheDocument();
    expect(document.querySelector(".acr-message-list.my-list")).not.toBeNull();
    expect(document.querySelector(".acr-connection-banner.my-banner")).toHaveTextContent(
      "Connecting…",
    );
    expect(document.querySelector(".acr-composer.my-composer")).not.toBeNull();
    expect(screen.queryByRole("heading")).not.toBeInTheDocument();
  });

  it("says clearly when a part is used outside <AgentChat>", () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => render(<Composer />)).toThrow("<Composer> must be rendered inside <AgentChat>");
    spy.mockRestore();
  });
});

describe("work per update", () => {
  function countingChat(messages = longThread(200)) {
    const chat = createScriptedChat({ messages });
    const renders: string[] = [];
    const result = render(
      <AgentChat
        chat={chat}
        renderMessage={(message, { renderDefault }) => {
          renders.push(message.id);
          return renderDefault();
        }}
      />,
    );
    return { chat, renders, ...result };
  }

  it("re-renders only the streaming message for each chunk", () => {
    const { chat, renders } = countingChat();
    let id = "";
    act(() => {
      id = chat.startAnswer();
    });
    renders.length = 0;
    for (let i = 0; i < 25; i++) act(() => chat.appendText(id, `chunk ${i} `));
    expect(renders).toEqual(Array.from({ length: 25 }, () => id));
  });

  it("re-renders no message while the user types", async () => {
    const { renders } = countingChat();
    renders.length = 0;
    const { default: userEvent } = await import("@testing-library/user-event");
    await userEvent
      .setup()
      .type(screen.getByRole("textbox", { name: "Message" }), "typing a question");
    expect(renders).toEqual([]);
  });

  it("re-renders no message when the connection changes", () => {
    const { chat, renders } = countingChat();
    renders.length = 0;
    act(() => chat.setConnection({ status: "reconnecting", attempt: 1 }));
    act(() => chat.setConnection({ status: "open", attempt: 0 }));
    expect(renders).toEqual([]);
  });

  it("re-renders no message when the app re-renders with a fresh hook result object", () => {
    const chat = createScriptedChat({ messages: longThread(20) });
    const renders: string[] = [];
    let bump = () => {};
    function App() {
      const [count, setCount] = useState(0);
      bump = () => setCount((c) => c + 1);
      // The hook returns a new object every render around the same store; that is no new data.
      const result: { store: ChatStore; count: number } = { store: chat, count };
      return (
        <AgentChat
          chat={result}
          labels={{ send: "Send" }}
          roles={{ assistant: { label: "Aria" }, user: { avatar: false } }}
          suggestions={["a"]}
          markdown={markdown({ remarkPlugins: [remarkNothing] })}
          renderMessage={(message, { renderDefault }) => {
            renders.push(message.id);
            return renderDefault();
          }}
        />
      );
    }
    render(<App />);
    renders.length = 0;
    act(() => bump());
    act(() => bump());
    expect(renders).toEqual([]);
  });
});

/** A remark plugin that changes nothing. */
function remarkNothing() {}

describe("long threads", () => {
  // Building 5,000 messages in jsdom takes seconds on a loaded 2-core machine.
  it(
    "renders the latest page of 5,000 messages and more on request, keeping order",
    { timeout: 30_000 },
    async () => {
      const { user } = renderChat({ messages: longThread(5000) });
      const articles = () => screen.getByRole("log").querySelectorAll("article");
      expect(articles()).toHaveLength(100);
      expect(articles()[99]).toHaveTextContent("Answer number 2500");
      await user.click(screen.getByRole("button", { name: "Show earlier messages" }));
      expect(articles()).toHaveLength(200);
      expect(articles()[0]).toHaveTextContent("Question number 2401?");
    },
  );

  it("keeps appending new messages at the end of a long thread", () => {
    const { chat } = renderChat({ messages: longThread(300), props: { pageSize: 50 } });
    act(() => chat.addMessage({ role: "user", text: "the newest" }));
    const articles = screen.getByRole("log").querySelectorAll("article");
    expect(articles).toHaveLength(50);
    expect(articles[49]).toHaveTextContent("the newest");
  });

  it("offers no 'show earlier' button when everything fits in a page", () => {
    renderChat({ messages: [chatMessage({ role: "user", text: "only one" })] });
    expect(screen.queryByRole("button", { name: "Show earlier messages" })).not.toBeInTheDocument();
  });
});
