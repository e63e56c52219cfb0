import { waitFor } from "@testing-library/react";
import { markdown } from "../../src/markdown";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { renderChat } from "./render-chat";

// The highlighter chunk loads only when the test lets it: what shows before, and after.
const { gate, release } = vi.hoisted(() => {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { gate: opened, release: () => open() };
});
vi.mock("../../src/react/components/markdown/code/highlighter", async (importOriginal) => {
  await gate;
  return importOriginal();
});

describe("code blocks while the highlighter loads", () => {
  it("show the code as plain text, then colour the same element in place", async () => {
    const code = "const ready = true;\nif (ready) start();";
    renderChat({
      messages: [chatMessage({ role: "assistant", text: `\`\`\`ts\n${code}\n\`\`\`` })],
      props: { markdown },
    });
    await waitFor(() => expect(document.querySelector(".acr-code-block code")).not.toBeNull());
    const element = document.querySelector<HTMLElement>(".acr-code-block code")!;
    const header = document.querySelector(".acr-code-block__header");
    expect(element.textContent).toBe(code);
    expect(element.children).toHaveLength(0);
    expect(element).not.toHaveAttribute("data-highlighted");
    expect(header).toHaveTextContent("ts");

    release();
    await waitFor(() => expect(element).toHaveAttribute("data-highlighted"));
    expect(document.querySelector(".acr-code-block code")).toBe(element);
    expect(document.querySelector(".acr-code-block__header")).toBe(header);
    expect(element.textContent).toBe(code);
    expect(element.querySelector(".acr-code__token--keyword")).toHaveTextContent("const");
  });
});
