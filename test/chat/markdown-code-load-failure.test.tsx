import { screen, waitFor } from "@testing-library/react";
import { markdown } from "../../src/markdown";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { renderChat } from "./render-chat";

// As if the highlighter's chunk failed to load (a network error, a stale deployment).
vi.mock("../../src/react/components/markdown/code/highlighter", () => {
  throw new Error("Failed to fetch dynamically imported module");
});

describe("code blocks when the highlighter cannot load", () => {
  it("keep showing the code as plain text, with its Copy button", async () => {
    renderChat({
      messages: [chatMessage({ role: "assistant", text: "```ts\nconst x = 1;\n```" })],
      props: { markdown },
    });
    await waitFor(() => expect(document.querySelector(".acr-code-block code")).not.toBeNull());
    // Wait for the failed import itself, then check nothing changed.
    await expect(import("../../src/react/components/markdown/code/highlighter")).rejects.toThrow();
    await waitFor(() => expect(screen.getByRole("button", { name: "Copy code" })).toBeEnabled());
    const element = document.querySelector(".acr-code-block code")!;
    expect(element.textContent).toBe("const x = 1;");
    expect(element.children).toHaveLength(0);
    expect(element).not.toHaveAttribute("data-highlighted");
  });
});
