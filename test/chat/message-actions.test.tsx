import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { AgentEvent } from "../../src/codecs/types";
import { AgentChat, type AgentChatViewProps } from "../../src/index";
import { chatMessage } from "../../src/react/components/test-utils/scripted-chat";
import { createConversationStore } from "../../src/store/create-conversation-store";
import { FakeConnection } from "../../src/store/test-utils/fake-connection";
import { liveRegion, renderChat } from "./render-chat";

const answer = (messageId: string, text: string): AgentEvent[] => [
  { type: "message-start", messageId, role: "assistant" },
  { type: "text-delta", messageId, delta: text },
  { type: "message-end", messageId },
];

/** `<AgentChat>` over a real conversation store on a fake connection, one question answered. */
function renderStoreChat(props: Partial<AgentChatViewProps> = {}) {
  const connection = new FakeConnection();
  const store = createConversationStore({
    connection,
    scheduler: (run) => {
      let live = true;
      queueMicrotask(() => live && run());
      return () => {
        live = false;
      };
    },
  });
  connection.open();
  store.send("What is AgentCore?");
  connection.emit(...answer("a1", "A runtime for agents."));
  const user = userEvent.setup();
  render(<AgentChat chat={store} {...props} />);
  // Publishes are coalesced to a microtask: let them land inside act.
  const emit = (...events: AgentEvent[]) => act(async () => connection.emit(...events));
  return { connection, store, user, emit };
}

const agentMessages = () =>
  screen.getAllByRole("article").filter((article) => article.matches(".acr-message--assistant"));
const lastAnswer = () => agentMessages().at(-1)!;
const sentTexts = (connection: FakeConnection) =>
  connection.getSnapshot().outbox.map((entry) => entry.message);

describe("message actions", () => {
  it("copies an answer's text, says Copied on the button and through the live region", async () => {
    const { user } = renderStoreChat();
    await user.click(within(lastAnswer()).getByRole("button", { name: "Copy" }));
    await expect(navigator.clipboard.readText()).resolves.toBe("A runtime for agents.");
    expect(within(lastAnswer()).getByRole("button", { name: "Copied" })).toHaveFocus();
    expect(liveRegion()).toHaveTextContent("Copied");
  });

  it("regenerates from the keyboard, keeps the old answer as a version and pages between them", async () => {
    const { user, connection, emit } = renderStoreChat();
    within(lastAnswer()).getByRole("button", { name: "Regenerate" }).focus();
    await user.keyboard("{Enter}");
    expect(sentTexts(connection)).toEqual(["What is AgentCore?", "What is AgentCore?"]);
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveFocus();
    expect(screen.queryByText("A runtime for agents.")).not.toBeInTheDocument();
    await emit(...answer("a2", "AgentCore Runtime hosts agents."));
    expect(await screen.findByText("AgentCore Runtime hosts agents.")).toBeInTheDocument();

    const pager = screen.getByRole("group", { name: "Version 2 of 2" });
    expect(within(pager).getByRole("button", { name: "Next version" })).toBeDisabled();
    await user.click(within(pager).getByRole("button", { name: "Previous version" }));
    expect(await screen.findByText("A runtime for agents.")).toBeInTheDocument();
    expect(screen.queryByText("AgentCore Runtime hosts agents.")).not.toBeInTheDocument();
    // Previous is disabled at the first version: focus stays in the pager, on Next.
    const first = screen.getByRole("group", { name: "Version 1 of 2" });
    expect(within(first).getByRole("button", { name: "Next version" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await screen.findByText("AgentCore Runtime hosts agents.")).toBeInTheDocument();
  });

  it("waits while an answer streams: Regenerate and Edit are disabled", async () => {
    const { emit } = renderStoreChat();
    await emit({ type: "message-start", messageId: "a2", role: "assistant" });
    expect(within(agentMessages()[0]!).getByRole("button", { name: "Regenerate" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Edit" })).toBeDisabled();
    await emit({ type: "message-end", messageId: "a2" });
    for (const button of screen.getAllByRole("button", { name: "Regenerate" })) {
      expect(button).toBeEnabled();
    }
    expect(screen.getByRole("button", { name: "Edit" })).toBeEnabled();
  });

  it("offers Regenerate on an interrupted answer", async () => {
    const { user, connection, emit } = renderStoreChat();
    await emit({ type: "message-start", messageId: "cut", role: "assistant" });
    await act(async () => connection.drop());
    await act(async () => connection.open());
    const cut = await screen.findByText(/The answer was interrupted/);
    const article = cut.closest("article")!;
    await user.click(within(article).getByRole("button", { name: "Regenerate" }));
    expect(sentTexts(connection)).toHaveLength(2);
  });

  it("edits a user message inline: Escape cancels back to Edit, Enter sends a new version", async () => {
    const { user, connection } = renderStoreChat();
    await user.click(screen.getByRole("button", { name: "Edit" }));
    const editor = screen.getByRole("textbox", { name: "Edit message" });
    expect(editor).toHaveFocus();
    expect(editor).toHaveValue("What is AgentCore?");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("textbox", { name: "Edit message" })).not.toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Edit" })).toHaveFocus();

    await user.keyboard("{Enter}");
    await user.clear(screen.getByRole("textbox", { name: "Edit message" }));
    await user.type(screen.getByRole("textbox", { name: "Edit message" }), "What is a runtime?");
    await user.keyboard("{Enter}");
    expect(sentTexts(connection)).toEqual(["What is AgentCore?", "What is a runtime?"]);
    expect(await screen.findByRole("group", { name: "Version 2 of 2" })).toBeInTheDocument();
    expect(screen.queryByText("A runtime for agents.")).not.toBeInTheDocument();
    expect(screen.getByRole("textbox", { name: "Message" })).toHaveFocus();
  });

  it("Save sends the edit; a blank edit cannot be sent", async () => {
    const { user, connection } = renderStoreChat();
    await user.click(screen.getByRole("button", { name: "Edit" }));
    await user.clear(screen.getByRole("textbox", { name: "Edit message" }));
    expect(screen.getByRole("button", { name: "Save and send" })).toBeDisabled();
    await user.type(screen.getByRole("textbox", { name: "Edit message" }), "Shorter?");
    await user.click(screen.getByRole("button", { name: "Save and send" }));
    expect(sentTexts(connection).at(-1)).toBe("Shorter?");
  });

  it("rates an answer: onFeedback, aria-pressed, then an optional comment", async () => {
    const onFeedback = vi.fn();
    const { user, store } = renderStoreChat({ onFeedback });
    const up = within(lastAnswer()).getByRole("button", { name: "Good answer" });
    const down = within(lastAnswer()).getByRole("button", { name: "Bad answer" });
    expect(up).toHaveAttribute("aria-pressed", "false");
    await user.click(down);
    const message = store.getState().messages[1];
    expect(onFeedback).toHaveBeenLastCalledWith(message, { rating: "down" });
    expect(down).toHaveAttribute("aria-pressed", "true");
    expect(up).toHaveAttribute("aria-pressed", "false");
    await user.type(screen.getByRole("textbox", { name: "Tell us more (optional)" }), "Too short");
    await user.click(screen.getByRole("button", { name: "Send feedback" }));
    expect(onFeedback).toHaveBeenLastCalledWith(message, { rating: "down", comment: "Too short" });
    expect(screen.getByText("Thanks for the feedback.")).toBeInTheDocument();
  });

  it("offers feedback only with onFeedback, and turns actions off or replaces them per action", () => {
    renderStoreChat({
      actions: {
        copy: false,
        edit: false,
        regenerate: ({ renderDefault }) => <span data-testid="wrapped">{renderDefault()}</span>,
      },
    });
    expect(screen.queryByRole("button", { name: "Good answer" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Copy" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit" })).not.toBeInTheDocument();
    expect(
      within(screen.getByTestId("wrapped")).getByRole("button", { name: "Regenerate" }),
    ).toBeInTheDocument();
  });

  it("actions={false} draws no actions at all", () => {
    renderStoreChat({ actions: false, onFeedback: () => {} });
    expect(screen.queryByRole("group", { name: "Message actions" })).not.toBeInTheDocument();
  });

  it("takes every label from labels", async () => {
    const { user } = renderStoreChat({
      labels: { copy: "Copiar", copied: "Copiado", regenerate: "Regenerar", edit: "Editar" },
    });
    await user.click(screen.getByRole("button", { name: "Copiar" }));
    expect(await screen.findByRole("button", { name: "Copiado" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Regenerar" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Editar" })).toBeInTheDocument();
  });

  it("over a store without regenerate or editAndResend, offers Copy only", () => {
    renderChat({
      messages: [
        chatMessage({ role: "user", text: "Hi" }),
        chatMessage({ role: "assistant", text: "Hello" }),
      ],
    });
    expect(screen.getByRole("button", { name: "Copy" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Regenerate" })).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Edit" })).not.toBeInTheDocument();
  });
});
