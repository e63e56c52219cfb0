import { act, screen } from "@testing-library/react";
import type { ChatMessage } from "../../src/store/types";
import { renderChat } from "./render-chat";

function thinking(): HTMLDetailsElement {
  const summary = screen.getByText("Thinking").closest("summary");
  const details = summary?.parentElement;
  if (!(details instanceof HTMLDetailsElement)) throw new Error("no Thinking part");
  return details;
}

describe("reasoning", () => {
  it("shows a Thinking part, open while it streams and collapsed once the answer text starts", () => {
    const { chat } = renderChat();
    let message: ChatMessage | undefined;
    act(() => {
      message = chat.addMessage({
        role: "assistant",
        status: "streaming",
        parts: [{ type: "reasoning", text: "Weighing the options", status: "streaming" }],
      });
    });
    const id = message!.id;
    expect(thinking()).toHaveProperty("open", true);
    expect(screen.getByText("in progress")).toBeInTheDocument();
    expect(screen.getByText("Weighing the options")).toBeInTheDocument();
    act(() =>
      chat.updateMessage(id, {
        parts: [{ type: "reasoning", text: "Weighing the options", status: "complete" }],
      }),
    );
    expect(thinking()).toHaveProperty("open", true);
    act(() => chat.appendText(id, "The answer is 42."));
    expect(thinking()).toHaveProperty("open", false);
    expect(screen.queryByText("in progress")).not.toBeInTheDocument();
    expect(screen.getByText("The answer is 42.")).toBeInTheDocument();
  });

  it("opens on the summary (a native details, so also by keyboard) and keeps the user's choice", async () => {
    const { chat, user } = renderChat();
    let message: ChatMessage | undefined;
    act(() => {
      message = chat.addMessage({
        role: "assistant",
        status: "complete",
        parts: [
          { type: "reasoning", text: "Because.", status: "complete" },
          { type: "text", text: "Answer." },
        ],
      });
    });
    expect(thinking()).toHaveProperty("open", false);
    const summary = screen.getByText("Thinking").closest("summary")!;
    await user.click(summary);
    expect(thinking()).toHaveProperty("open", true);
    act(() => chat.appendText(message!.id, " More answer."));
    expect(thinking()).toHaveProperty("open", true);
    await user.click(summary);
    expect(thinking()).toHaveProperty("open", false);
  });

  it("draws no system or developer message, and an activity as a note", () => {
    const { chat } = renderChat();
    act(() => {
      chat.addMessage({ role: "system", status: "complete", text: "Secret prompt", parts: [] });
      chat.addMessage({ role: "developer", status: "complete", text: "Dev prompt", parts: [] });
      chat.addMessage({
        role: "activity",
        status: "complete",
        parts: [{ type: "activity", activityType: "PLAN", content: { steps: 2 } }],
      });
    });
    expect(screen.queryByText("Secret prompt")).not.toBeInTheDocument();
    expect(screen.queryByText("Dev prompt")).not.toBeInTheDocument();
    expect(screen.getByText("Activity: PLAN")).toBeInTheDocument();
  });
});
