import { act } from "@testing-library/react";
import { AgentChat } from "../../src/index";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { renderChat } from "./render-chat";

const conversation = () => [
  chatMessage({ role: "user", text: "Hi" }),
  chatMessage({ role: "assistant", text: "Hello" }),
];

function parts(article: Element) {
  return {
    avatar: article.querySelector(".acr-message__avatar"),
    shownName: article.querySelector(".acr-message__author"),
  };
}

function articles(): [Element, Element] {
  const [user, agent] = document.querySelectorAll("article");
  return [user!, agent!];
}

describe("roles: how messages are signed", () => {
  it("signs the agent's messages with the built-in avatar and its name, the user's with neither", () => {
    renderChat({ messages: conversation() });
    const [user, agent] = articles();
    expect(parts(agent).avatar).toHaveAttribute("aria-hidden", "true");
    expect(parts(agent).avatar).toBeEmptyDOMElement();
    expect(parts(agent).shownName).toHaveTextContent("Agent:");
    expect(parts(user)).toEqual({ avatar: null, shownName: null });
    // Screen readers hear each name once, before the message.
    expect(user).toHaveTextContent(/^You: Hi/);
    expect(agent).toHaveTextContent(/^Agent: Hello/);
  });

  it("takes names and avatars per role, and a label of true shows the default name", () => {
    renderChat({
      messages: conversation(),
      props: {
        roles: {
          assistant: { label: "Aria", avatar: "AR" },
          user: { label: true, avatar: <img src="data:," alt="" /> },
        },
      },
    });
    const [user, agent] = articles();
    expect(parts(agent).avatar).toHaveTextContent("AR");
    expect(agent).toHaveTextContent(/^ARAria: Hello/);
    expect(parts(user).shownName).toHaveTextContent("You:");
    expect(parts(user).avatar!.querySelector("img")).not.toBeNull();
  });

  it("keeps a name for screen readers only with label false, and signs nothing with roles={false}", () => {
    const { rerender, chat } = renderChat({
      messages: conversation(),
      props: { roles: { assistant: { label: false } } },
    });
    const [, agent] = articles();
    expect(parts(agent).shownName).toBeNull();
    expect(parts(agent).avatar).not.toBeNull();
    expect(agent.querySelector(".acr-visually-hidden")).toHaveTextContent("Agent:");

    act(() => rerender(<AgentChat chat={chat} roles={false} />));
    for (const article of articles()) {
      expect(parts(article)).toEqual({ avatar: null, shownName: null });
    }
    expect(articles()[1]).toHaveTextContent(/^Agent: Hello/);
  });
});
