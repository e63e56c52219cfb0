import { act, render, screen, within } from "@testing-library/react";
import { AgentChat, agUiCodec, Message, textCodec } from "../../src/index";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { createConversationStore } from "../../src/store/create-conversation-store";
import { FakeConnection } from "../../src/store/test-utils/fake-connection";
import type { ChatMessage, SourcesPart } from "../../src/store/types";
import { renderChat } from "./render-chat";

const sourcesPart: SourcesPart = {
  type: "sources",
  sources: [
    {
      url: "https://docs.example.com/guide",
      title: "The guide",
      snippet: "Step one: <img src=x onerror=alert(1)> read it.",
    },
    { url: "https://www.example.org/faq#q2" },
  ],
};

function answer(part: SourcesPart = sourcesPart): ChatMessage {
  return chatMessage({
    role: "assistant",
    text: "See the guide.",
    parts: [{ type: "text", text: "See the guide." }, part],
  });
}

describe("sources", () => {
  it("lists them numbered under the answer: title or host as a link to a new tab, host, snippet as text", () => {
    renderChat({ messages: [answer()] });
    const heading = screen.getByText("Sources");
    const list = heading.nextElementSibling;
    expect(list?.tagName).toBe("OL");
    const items = within(list as HTMLElement).getAllByRole("listitem");
    expect(items).toHaveLength(2);

    const guide = within(items[0]!).getByRole("link", { name: "The guide" });
    expect(guide).toHaveAttribute("href", "https://docs.example.com/guide");
    expect(guide).toHaveAttribute("target", "_blank");
    expect(guide).toHaveAttribute("rel", "noopener noreferrer");
    expect(items[0]).toHaveTextContent("docs.example.com");
    expect(items[0]).toHaveTextContent("Step one: <img src=x onerror=alert(1)> read it.");
    expect(document.querySelector(".acr-sources img")).toBeNull();

    const faq = within(items[1]!).getByRole("link", {
      name: "www.example.org",
    });
    expect(faq).toHaveAttribute("href", "https://www.example.org/faq#q2");
  });

  it("draws no link for a URL that is not http(s), whatever store the chat shows", () => {
    renderChat({
      messages: [
        answer({
          type: "sources",
          sources: [
            { url: "javascript:alert(1)", title: "Evil" },
            { url: "java\tscript:alert(1)", title: "Also evil" },
            { url: "https://ok.example/", title: "Fine" },
          ],
        }),
      ],
    });
    const links = screen.getAllByRole("link");
    expect(links.map((link) => link.getAttribute("href"))).toEqual(["https://ok.example/"]);
    expect(screen.queryByText("Evil")).not.toBeInTheDocument();
  });

  it("is reachable by keyboard, link after link", async () => {
    const { user } = renderChat({ messages: [answer()] });
    const [first, second] = screen.getAllByRole("link");
    const visited: Element[] = [];
    for (let step = 0; step < 30 && document.activeElement !== second; step += 1) {
      await user.tab();
      if (document.activeElement) visited.push(document.activeElement);
    }
    expect(visited).toContain(first);
    expect(second).toHaveFocus();
    expect(visited.indexOf(second!) - visited.indexOf(first!)).toBe(1);
  });

  it("takes its words from labels", () => {
    renderChat({
      messages: [answer()],
      props: { labels: { sources: "Quellen" } },
    });
    expect(screen.getByText("Quellen")).toBeInTheDocument();
  });

  it("can be drawn by renderPart, like any part", () => {
    renderChat({
      messages: [answer()],
      props: {
        renderMessage: (message) => (
          <Message
            message={message}
            renderPart={(part) =>
              part.type === "sources" ? (
                <p key="sources">{part.sources.length} sources</p>
              ) : undefined
            }
          />
        ),
      },
    });
    expect(screen.getByText("2 sources")).toBeInTheDocument();
    expect(screen.getByText("See the guide.")).toBeInTheDocument();
    expect(screen.queryByRole("link")).not.toBeInTheDocument();
  });

  it.each([
    [
      "text codec",
      [
        textCodec.decode('{"text":"AgentCore hosts agents."}'),
        textCodec.decode(
          '{"sources":[{"url":"https://aws.amazon.com/bedrock/agentcore/","title":"AgentCore"},{"url":"javascript:alert(1)","title":"Bad"}],"done":true}',
        ),
      ],
    ],
    [
      "AG-UI codec",
      [
        agUiCodec.decode('{"type":"TEXT_MESSAGE_START","messageId":"m1","role":"assistant"}'),
        agUiCodec.decode(
          '{"type":"TEXT_MESSAGE_CONTENT","messageId":"m1","delta":"AgentCore hosts agents."}',
        ),
        agUiCodec.decode('{"type":"TEXT_MESSAGE_END","messageId":"m1"}'),
        agUiCodec.decode(
          'data: {"type":"CUSTOM","name":"sources","value":{"sources":[{"url":"https://aws.amazon.com/bedrock/agentcore/","title":"AgentCore"},{"url":"javascript:alert(1)"}]}}\n\n',
        ),
        agUiCodec.decode('{"type":"RUN_FINISHED","threadId":"t","runId":"r"}'),
      ],
    ],
  ])("shows what an agent sends through the %s under its answer", async (_, frames) => {
    const connection = new FakeConnection();
    const store = createConversationStore({
      connection,
      scheduler: (run) => {
        queueMicrotask(run);
        return () => {};
      },
    });
    connection.open();
    store.send("What is AgentCore?");
    render(<AgentChat chat={store} />);
    await act(async () => connection.emit(...frames.flat()));
    const answerText = await screen.findByText("AgentCore hosts agents.");
    const article = answerText.closest("article")!;
    const links = within(article).getAllByRole("link");
    expect(links.map((link) => link.getAttribute("href"))).toEqual([
      "https://aws.amazon.com/bedrock/agentcore/",
    ]);
    expect(links[0]).toHaveAccessibleName("AgentCore");
  });
});
