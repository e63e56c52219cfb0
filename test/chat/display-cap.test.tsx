import { act, screen } from "@testing-library/react";
import { AgentRuntimeValidationError } from "../../src/core/errors";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { liveRegion, renderChat } from "./render-chat";

/** The text a bubble shows, without the visually hidden author and the buttons. */
function shownText(bubble: Element): string {
  const copy = bubble.cloneNode(true) as Element;
  copy.querySelectorAll(".acr-visually-hidden, button").forEach((node) => node.remove());
  return copy.textContent ?? "";
}

function bubble(): Element {
  return document.querySelector(".acr-message--assistant .acr-message__bubble")!;
}

describe("display cap (maxDisplayChars)", () => {
  it("shows the first maxDisplayChars characters and a labelled button that reveals the rest", async () => {
    const text = `${"a".repeat(30)}${"b".repeat(20)}`;
    const { user } = renderChat({
      messages: [chatMessage({ role: "assistant", text })],
      props: { maxDisplayChars: 30 },
    });
    expect(shownText(bubble())).toBe("a".repeat(30));
    const showAll = screen.getByRole("button", { name: "Show all (50 characters)" });

    await user.click(showAll);
    expect(shownText(bubble())).toBe(text);
    expect(screen.queryByRole("button", { name: /Show all/ })).not.toBeInTheDocument();
    // Focus moves to where the revealed text starts, so reading goes on from there.
    expect(document.activeElement).toHaveClass("acr-message__rest");
    expect(document.activeElement).toHaveTextContent("b".repeat(20));
  });

  it("is reachable with the keyboard", async () => {
    const { user } = renderChat({
      messages: [chatMessage({ role: "assistant", text: "x".repeat(40) })],
      props: { maxDisplayChars: 10 },
    });
    const showAll = screen.getByRole("button", { name: "Show all (40 characters)" });
    showAll.focus();
    await user.keyboard("{Enter}");
    expect(shownText(bubble())).toBe("x".repeat(40));
  });

  it("shows a message at or under the cap whole, without the button", () => {
    renderChat({
      messages: [chatMessage({ role: "assistant", text: "y".repeat(30) })],
      props: { maxDisplayChars: 30 },
    });
    expect(shownText(bubble())).toBe("y".repeat(30));
    expect(screen.queryByRole("button", { name: /Show all/ })).not.toBeInTheDocument();
  });

  it("counts every text part, keeps tool calls in place, and reveals each part's rest where it belongs", async () => {
    const { user } = renderChat({
      messages: [
        chatMessage({
          role: "assistant",
          text: "first part second part",
          parts: [
            { type: "text", text: "first part " },
            { type: "tool-call", toolCallId: "t1", name: "lookup", args: "{}", status: "complete" },
            { type: "text", text: "second part" },
          ],
        }),
      ],
      props: { maxDisplayChars: 15 },
    });
    expect(screen.getByText("Tool: lookup")).toBeInTheDocument();
    expect(shownText(bubble())).toBe("first part Tool: lookupdoneArguments{}seco");
    await user.click(screen.getByRole("button", { name: "Show all (22 characters)" }));
    expect(shownText(bubble())).toBe("first part Tool: lookupdoneArguments{}second part");
  });

  it("updates the count while the answer streams past the cap", () => {
    const { chat } = renderChat({ props: { maxDisplayChars: 5 } });
    let id = "";
    act(() => {
      id = chat.startAnswer();
      chat.appendText(id, "1234567");
    });
    expect(screen.getByRole("button", { name: "Show all (7 characters)" })).toBeInTheDocument();
    act(() => chat.appendText(id, "89"));
    expect(shownText(bubble())).toBe("12345");
    expect(screen.getByRole("button", { name: "Show all (9 characters)" })).toBeInTheDocument();
  });

  it("caps at 20,000 characters by default", () => {
    renderChat({ messages: [chatMessage({ role: "assistant", text: "z".repeat(20_001) })] });
    expect(shownText(bubble())).toHaveLength(20_000);
    expect(
      screen.getByRole("button", { name: "Show all (20,001 characters)" }),
    ).toBeInTheDocument();
  });

  it("caps user messages too", () => {
    renderChat({
      messages: [chatMessage({ role: "user", text: "u".repeat(12) })],
      props: { maxDisplayChars: 4 },
    });
    expect(screen.getByRole("button", { name: "Show all (12 characters)" })).toBeInTheDocument();
  });

  it("announces a long finished answer up to the cap only", () => {
    const { chat } = renderChat({ props: { maxDisplayChars: 10 } });
    act(() => {
      const id = chat.startAnswer();
      chat.appendText(id, "0123456789 and much more");
      chat.finishAnswer(id);
    });
    expect(liveRegion()).toHaveTextContent(/^Agent: 0123456789…$/);
  });

  it("takes the button's text from the labels", () => {
    renderChat({
      messages: [chatMessage({ role: "assistant", text: "x".repeat(12) })],
      props: {
        maxDisplayChars: 4,
        labels: { showAll: (characters) => `Alles anzeigen (${characters} Zeichen)` },
      },
    });
    expect(screen.getByRole("button", { name: "Alles anzeigen (12 Zeichen)" })).toBeInTheDocument();
  });

  it.each([0, -5, 2.5, Number.NaN])("refuses maxDisplayChars %j", (value) => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(() => renderChat({ props: { maxDisplayChars: value } })).toThrow(
      new AgentRuntimeValidationError(
        `maxDisplayChars must be a whole number >= 1 (got ${String(value)})`,
      ),
    );
  });
});

describe("display cap on tool calls", () => {
  it("shows arguments and results up to maxDisplayChars, the rest behind Show all", async () => {
    const { user } = renderChat({
      messages: [
        chatMessage({
          role: "assistant",
          parts: [
            {
              type: "tool-call",
              toolCallId: "t1",
              name: "dump",
              args: "a".repeat(25),
              result: "short",
              status: "complete",
            },
          ],
        }),
      ],
      props: { maxDisplayChars: 10 },
    });
    const [args, result] = document.querySelectorAll(".acr-tool-call__payload");
    expect(args).toHaveTextContent(/^a{10}$/);
    expect(result).toHaveTextContent("short");
    await user.click(screen.getByRole("button", { name: "Show all (25 characters)" }));
    expect(document.activeElement).toHaveClass("acr-message__rest");
    expect(document.activeElement).toHaveTextContent(/^a{15}$/);
  });
});

describe("a message the store truncated", () => {
  it("shows a visible note", () => {
    renderChat({
      messages: [chatMessage({ role: "assistant", text: "The beginning", truncated: true })],
    });
    const note = document.querySelector(".acr-message__truncated");
    expect(note).toHaveTextContent(
      "Truncated: the agent sent more than this chat keeps for one message.",
    );
    expect(note).toBeVisible();
  });

  it("takes the note from the labels", () => {
    renderChat({
      messages: [chatMessage({ role: "assistant", text: "x", truncated: true })],
      props: { labels: { messageTruncated: "Gekürzt" } },
    });
    expect(screen.getByText("Gekürzt")).toBeInTheDocument();
  });

  it("has no note when it was not truncated", () => {
    renderChat({ messages: [chatMessage({ role: "assistant", text: "whole" })] });
    expect(document.querySelector(".acr-message__truncated")).toBeNull();
  });
});
