import { act, screen, within } from "@testing-library/react";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { liveRegion, renderChat } from "./render-chat";

function log(): HTMLElement {
  return screen.getByRole("log", { name: "Conversation" });
}

describe("messages", () => {
  it("shows a streaming answer as in progress until it finishes", () => {
    const { chat } = renderChat();
    let id = "";
    act(() => {
      id = chat.startAnswer();
    });
    const article = () => log().querySelector<HTMLElement>(`[data-status]:last-child`)!;
    expect(article()).toHaveAttribute("aria-busy", "true");
    expect(within(article()).getByText("Answering…")).toBeInTheDocument();
    act(() => chat.appendText(id, "Hel"));
    act(() => chat.appendText(id, "lo!"));
    expect(article()).toHaveTextContent("Hello!");
    expect(article()).toHaveAttribute("data-status", "streaming");
    act(() => chat.finishAnswer(id));
    expect(article()).not.toHaveAttribute("aria-busy");
    expect(within(article()).queryByText("Answering…")).not.toBeInTheDocument();
    expect(article()).toHaveAttribute("data-status", "complete");
  });

  it("offers Stop only while an answer streams, stops it and returns focus to the input", async () => {
    const { chat, user } = renderChat();
    expect(screen.queryByRole("button", { name: "Stop" })).not.toBeInTheDocument();
    let id = "";
    act(() => {
      id = chat.startAnswer();
      chat.appendText(id, "A long answer");
    });
    await user.click(screen.getByRole("button", { name: "Stop" }));
    expect(chat.calls.stop).toBe(1);
    expect(screen.queryByRole("button", { name: "Stop" })).not.toBeInTheDocument();
    expect(screen.getByText("Stopped")).toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveFocus();
  });

  it("shows why a message failed and retries it", async () => {
    const failed = chatMessage({
      role: "user",
      text: "too big",
      status: "error",
      error: "Message too large (close code 1009)",
    });
    const { chat, user } = renderChat({ messages: [failed] });
    expect(
      screen.getByText("Not delivered: Message too large (close code 1009)"),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Retry" }));
    expect(chat.calls.retry).toEqual([failed.id]);
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
    expect(screen.getByText("Waiting to send…")).toBeInTheDocument();
  });

  it("says an interrupted answer was interrupted and offers no Retry (there is nothing to resend)", () => {
    const interrupted = chatMessage({
      role: "assistant",
      text: "Half an ans",
      status: "error",
      error: "the connection was lost (1006)",
    });
    renderChat({ messages: [interrupted] });
    expect(
      screen.getByText("The answer was interrupted: the connection was lost (1006)"),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Not delivered/)).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Retry" })).not.toBeInTheDocument();
  });

  it("renders agent text as text, never as HTML, by default", () => {
    const payload = '<img src=x onerror="window.__pwned=1"><b>bold</b> **not markdown**';
    renderChat({ messages: [chatMessage({ role: "assistant", text: payload })] });
    expect(log()).toHaveTextContent(payload);
    expect(log().querySelector("img, b, strong")).toBeNull();
  });

  it("labels each message with who wrote it for screen readers", () => {
    renderChat({
      messages: [
        chatMessage({ role: "user", text: "Hi" }),
        chatMessage({ role: "assistant", text: "Hello" }),
      ],
    });
    const [first, second] = log().querySelectorAll("article");
    expect(first).toHaveTextContent("You: Hi");
    expect(second).toHaveTextContent("Agent: Hello");
  });

  it("shows tool calls collapsed, with pretty arguments and the result", async () => {
    const { chat, user } = renderChat();
    let id = "";
    act(() => {
      id = chat.startAnswer();
      chat.addToolCall(id, {
        toolCallId: "t1",
        name: "get_weather",
        args: '{"city":"Paris"}',
        status: "running",
      });
    });
    const details = log().querySelector("details")!;
    expect(details.open).toBe(false);
    expect(within(details).getByText("Tool: get_weather")).toBeInTheDocument();
    expect(within(details).getByText("running")).toBeInTheDocument();
    act(() => chat.updateToolCall(id, "t1", { status: "complete", result: '{"temp":21}' }));
    await user.click(within(details).getByText("Tool: get_weather"));
    expect(details.open).toBe(true);
    expect(within(details).getByText("done")).toBeInTheDocument();
    expect(details.querySelectorAll("pre")[0]).toHaveTextContent('{ "city": "Paris" }');
    expect(details.querySelectorAll("pre")[1]).toHaveTextContent('{ "temp": 21 }');
  });

  it("draws messages with renderMessage, which can wrap the default", () => {
    renderChat({
      messages: [
        chatMessage({ role: "user", text: "Hi" }),
        chatMessage({ role: "assistant", text: "Hello" }),
      ],
      props: {
        renderMessage: (message, { renderDefault, index }) =>
          message.role === "assistant" ? (
            <div data-testid="custom">
              #{index} {message.text.toUpperCase()}
            </div>
          ) : (
            <div data-testid="wrapped">{renderDefault()}</div>
          ),
      },
    });
    expect(screen.getByTestId("custom")).toHaveTextContent("#1 HELLO");
    expect(within(screen.getByTestId("wrapped")).getByText("Hi")).toBeInTheDocument();
  });
});

describe("announcements", () => {
  it("announces a finished answer once, not per chunk", () => {
    const { chat } = renderChat();
    const region = liveRegion();
    let changes = 0;
    const observer = new MutationObserver((records) => (changes += records.length));
    observer.observe(region, { childList: true, subtree: true, characterData: true });
    let id = "";
    act(() => {
      id = chat.startAnswer();
    });
    for (const chunk of ["The ", "answer ", "is ", "42."]) act(() => chat.appendText(id, chunk));
    expect(region).toHaveTextContent("");
    act(() => chat.finishAnswer(id));
    act(() => chat.addMessage({ role: "user", text: "thanks" }));
    act(() => chat.setConnection({ attempt: 0 }));
    observer.takeRecords().forEach(() => (changes += 1));
    observer.disconnect();
    expect(region).toHaveTextContent("Agent: The answer is 42.");
    expect(changes).toBe(1);
  });

  it("announces a stopped answer and a failed message", () => {
    const { chat } = renderChat();
    let id = "";
    act(() => {
      id = chat.startAnswer();
      chat.appendText(id, "partial");
    });
    act(() => chat.stop());
    expect(liveRegion()).toHaveTextContent("Answer stopped");
    const sent = chatMessage({ role: "user", text: "x", status: "pending" });
    act(() => chat.addMessage(sent));
    const added = chat.getState().messages.at(-1)!;
    act(() => chat.updateMessage(added.id, { status: "error", error: "too large" }));
    expect(liveRegion()).toHaveTextContent("Not delivered: too large");
  });

  it("does not announce the history present at mount", () => {
    renderChat({ messages: [chatMessage({ role: "assistant", text: "Old answer" })] });
    expect(liveRegion()).toHaveTextContent("");
  });
});
