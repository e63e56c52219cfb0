import { screen } from "@testing-library/react";
import { markdown } from "../../src/markdown";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { renderChat } from "./render-chat";

// As if the optional peer react-markdown were not installed: the module fails to load.
vi.mock("../../src/react/components/markdown/markdown-text", () => {
  throw new Error("Cannot find package 'react-markdown'");
});

describe("markdown without react-markdown installed", () => {
  it("keeps showing the answer as plain text", async () => {
    const spy = vi.spyOn(console, "error").mockImplementation(() => {});
    renderChat({
      messages: [chatMessage({ role: "assistant", text: "Still **readable**" })],
      props: { markdown },
    });
    expect(screen.getByText("Still **readable**")).toBeInTheDocument();
    // Give the failed import time to settle; the text must still be there, now from the boundary.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.getByText("Still **readable**")).toBeInTheDocument();
    expect(document.querySelector("strong")).toBeNull();
    spy.mockRestore();
  });
});
