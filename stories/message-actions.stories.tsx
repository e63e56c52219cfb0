import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { MessageActions, MessageEditor } from "../src/index";
import type { Conversation } from "../src/store/conversation";
import { VersionedAgentChat } from "./versioned-chat-story";

const QUESTION = "How do I keep a session across reconnects?";

const meta = {
  title: "AgentChat/Message actions",
  component: VersionedAgentChat,
  subcomponents: { MessageActions, MessageEditor },
  render: (args) => <VersionedAgentChat {...args} />,
  args: { onFeedback: () => {} },
  argTypes: {
    setup: { control: false },
    onFeedback: { action: "feedback" },
    theme: { control: "inline-radio", options: ["system", "light", "dark"] },
  },
  parameters: {
    docs: {
      description: {
        component:
          "Copy, Regenerate, feedback and Edit on finished messages, and the pager through the versions of a turn. A real conversation store over a scripted agent that answers at once.",
      },
    },
  },
} satisfies Meta<typeof VersionedAgentChat>;

export default meta;
type Story = StoryObj<typeof meta>;

const ask = (store: Conversation<string>) => store.send(QUESTION);
const lastAnswerId = (store: Conversation<string>) => store.getState().messages.at(-1)!.id;

/** A finished answer with its actions: Copy, Regenerate, Good answer, Bad answer; Edit on the question. */
export const ActionsOnAnswer: Story = {
  args: { setup: ask },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const actions = canvas.getAllByRole("group", { name: "Message actions" });
    const answer = within(actions.at(-1)!);
    for (const name of ["Copy", "Regenerate", "Good answer", "Bad answer"]) {
      await expect(answer.getByRole("button", { name })).toBeVisible();
    }
    await expect(canvas.getByRole("button", { name: "Edit" })).toBeVisible();
  },
};

/** Regenerated once: the turn has two versions, paged with ‹ 1 / 2 ›. */
export const TwoVersions: Story = {
  args: {
    setup: (store) => {
      ask(store);
      store.regenerate(lastAnswerId(store));
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const pager = canvas.getByRole("group", { name: "Version 2 of 2" });
    await userEvent.click(within(pager).getByRole("button", { name: "Previous version" }));
    await expect(
      await canvas.findByText(/AgentCore Runtime routes every socket/, { selector: ".acr-text" }),
    ).toBeVisible();
    const first = canvas.getByRole("group", { name: "Version 1 of 2" });
    await expect(within(first).getByRole("button", { name: "Next version" })).toHaveFocus();
    await userEvent.keyboard("{Enter}");
    await expect(
      await canvas.findByText(/Reuse one runtime session id/, { selector: ".acr-text" }),
    ).toBeVisible();
    await expect(canvas.getByRole("group", { name: "Version 2 of 2" })).toBeVisible();
  },
};

/** The answer rated down: the button is pressed and the optional comment is offered. */
export const FeedbackGiven: Story = {
  args: { setup: ask },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const down = canvas.getByRole("button", { name: "Bad answer" });
    await userEvent.click(down);
    await expect(down).toHaveAttribute("aria-pressed", "true");
    await expect(canvas.getByRole("button", { name: "Good answer" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await expect(canvas.getByRole("textbox", { name: "Tell us more (optional)" })).toBeVisible();
  },
};

/** A user message open for editing: Enter or "Save and send" sends it as a new version. */
export const EditingUserMessage: Story = {
  args: { setup: ask },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Edit" }));
    const editor = canvas.getByRole("textbox", { name: "Edit message" });
    await expect(editor).toHaveFocus();
    await expect(editor).toHaveValue(QUESTION);
    await expect(canvas.getByRole("button", { name: "Save and send" })).toBeEnabled();
  },
};

/** Two versions in the dark theme, for contrast. */
export const TwoVersionsDark: Story = {
  args: { ...TwoVersions.args, theme: "dark" },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByRole("group", { name: "Version 2 of 2" }),
    ).toBeVisible();
  },
};
