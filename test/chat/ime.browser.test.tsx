import { userEvent } from "vitest/browser";
import { cdp } from "vitest/browser";
import { mountChat, nextFrame } from "./browser-helpers";

describe("IME composition in Chromium", () => {
  it("never sends on the Enter that confirms a composition, then sends on the next Enter", async () => {
    const { chat } = mountChat();
    const input = document.querySelector("textarea")!;
    input.focus();
    const keydowns: { isComposing: boolean; keyCode: number }[] = [];
    input.addEventListener("keydown", (event) =>
      keydowns.push({ isComposing: event.isComposing, keyCode: event.keyCode }),
    );

    // A real composition through Chromium's IME path: candidate shown, Enter confirms it.
    const session = cdp();
    await session.send("Input.imeSetComposition", {
      text: "にほんご",
      selectionStart: 4,
      selectionEnd: 4,
    });
    await session.send("Input.dispatchKeyEvent", {
      type: "keyDown",
      key: "Enter",
      code: "Enter",
      windowsVirtualKeyCode: 229,
    });
    await session.send("Input.insertText", { text: "日本語" });
    await session.send("Input.dispatchKeyEvent", {
      type: "keyUp",
      key: "Enter",
      code: "Enter",
      windowsVirtualKeyCode: 229,
    });
    await nextFrame();

    expect(keydowns).toEqual([{ isComposing: true, keyCode: 229 }]);
    expect(chat.calls.send).toEqual([]);
    expect(input.value).toBe("日本語");

    await userEvent.keyboard("{Enter}");
    await expect.poll(() => chat.calls.send).toEqual(["日本語"]);
    await expect.poll(() => input.value).toBe("");
  });

  it("keeps Shift+Enter as a new line and Enter as send with a real keyboard", async () => {
    const { chat } = mountChat();
    const input = document.querySelector("textarea")!;
    await userEvent.click(input);
    await userEvent.keyboard("first{Shift>}{Enter}{/Shift}second");
    expect(input.value).toBe("first\nsecond");
    await userEvent.keyboard("{Enter}");
    await expect.poll(() => chat.calls.send).toEqual(["first\nsecond"]);
    expect(document.activeElement).toBe(input);
  });
});
