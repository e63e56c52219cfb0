import { act, fireEvent, screen } from "@testing-library/react";
import { renderChat } from "./render-chat";

function input(): HTMLTextAreaElement {
  return screen.getByRole("textbox", { name: "Message" });
}

describe("Composer", () => {
  it("sends on Enter, clears the draft and keeps focus in the input", async () => {
    const { chat, user } = renderChat();
    await user.click(input());
    await user.type(input(), "Hello agent{Enter}");
    expect(chat.calls.send).toEqual(["Hello agent"]);
    expect(input()).toHaveValue("");
    expect(input()).toHaveFocus();
    expect(screen.getByText("Hello agent")).toBeInTheDocument();
  });

  it("adds a line on Shift+Enter instead of sending", async () => {
    const { chat, user } = renderChat();
    await user.type(input(), "line one{Shift>}{Enter}{/Shift}line two");
    expect(chat.calls.send).toEqual([]);
    expect(input()).toHaveValue("line one\nline two");
    await user.keyboard("{Enter}");
    expect(chat.calls.send).toEqual(["line one\nline two"]);
  });

  it("never sends on the Enter that confirms an IME composition", () => {
    const { chat } = renderChat();
    const field = input();
    fireEvent.change(field, { target: { value: "にほん" } });
    // Chromium and Firefox flag the confirming keydown with isComposing.
    fireEvent.keyDown(field, { key: "Enter", isComposing: true });
    // Safari reports it as keyCode 229 with isComposing false, after compositionend.
    fireEvent.keyDown(field, { key: "Enter", keyCode: 229 });
    // Between compositionstart and compositionend an Enter belongs to the IME.
    fireEvent.compositionStart(field);
    fireEvent.keyDown(field, { key: "Enter" });
    expect(chat.calls.send).toEqual([]);
    fireEvent.compositionEnd(field);
    fireEvent.keyDown(field, { key: "Enter" });
    expect(chat.calls.send).toEqual(["にほん"]);
  });

  it("sends with the Send button and returns focus to the input", async () => {
    const { chat, user } = renderChat();
    await user.type(input(), "By click");
    await user.click(screen.getByRole("button", { name: "Send" }));
    expect(chat.calls.send).toEqual(["By click"]);
    expect(input()).toHaveFocus();
  });

  it("ignores a blank draft and disables Send for it", async () => {
    const { chat, user } = renderChat();
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
    await user.type(input(), "   {Enter}");
    expect(chat.calls.send).toEqual([]);
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
  });

  it("keeps the draft and shows the reason when the message is refused", async () => {
    const { chat, user } = renderChat({
      sendOverride: () => {
        throw new Error("The message is 40000 bytes; frames are limited to 32768.");
      },
    });
    await user.type(input(), "huge{Enter}");
    expect(chat.calls.send).toEqual(["huge"]);
    expect(screen.getByRole("alert")).toHaveTextContent("limited to 32768");
    expect(input()).toHaveValue("huge");
    expect(input()).toHaveAccessibleDescription(/limited to 32768/);
    await user.type(input(), "!");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it.each(["idle", "connecting", "reconnecting"] as const)("queues while %s", async (status) => {
    const { chat, user } = renderChat({ connection: { status } });
    expect(input()).toBeEnabled();
    await user.type(input(), "queued{Enter}");
    expect(chat.calls.send).toEqual(["queued"]);
    expect(screen.getByText("Waiting to send…")).toBeInTheDocument();
  });

  it("queues while offline", async () => {
    const { chat, user } = renderChat({ connection: { status: "reconnecting", online: false } });
    await user.type(input(), "later{Enter}");
    expect(chat.calls.send).toEqual(["later"]);
  });

  it.each(["closed", "failed"] as const)(
    "after %s, queues when the controller can reopen (its send reopens)",
    async (status) => {
      const { chat, user } = renderChat({ connection: { status, reason: "connection-lost" } });
      expect(input()).toBeEnabled();
      await user.type(input(), "try again{Enter}");
      expect(chat.calls.send).toEqual(["try again"]);
      expect(chat.calls.reconnect).toBe(0);
    },
  );

  it.each(["closed", "failed"] as const)(
    "after %s, is disabled when the controller cannot reopen",
    (status) => {
      renderChat({ connection: { status }, withoutReconnect: true });
      expect(input()).toBeDisabled();
      expect(input()).toHaveAttribute("placeholder", "The conversation has ended.");
      expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
    },
  );

  it("re-enables when the conversation opens again", () => {
    const { chat } = renderChat({ connection: { status: "closed" }, withoutReconnect: true });
    expect(input()).toBeDisabled();
    act(() => chat.setConnection({ status: "connecting" }));
    expect(input()).toBeEnabled();
  });

  it("focuses the input on mount with autoFocus", () => {
    renderChat({ props: { autoFocus: true } });
    expect(input()).toHaveFocus();
  });
});
