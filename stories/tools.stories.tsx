import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, within } from "storybook/test";
import { ToolApproval, ToolCall, type ToolCallPart } from "../src/index";
import { chatMessage, type ScriptedChat } from "../src/react/components/test-utils/scripted-chat";
import { ScriptedAgentChat } from "./scripted-chat-story";

const meta = {
  title: "AgentChat/Tools",
  component: ScriptedAgentChat,
  subcomponents: { ToolCall, ToolApproval },
  render: (args) => <ScriptedAgentChat {...args} />,
  args: { theme: "system" },
  argTypes: {
    theme: { control: "inline-radio", options: ["system", "light", "dark"] },
    tools: { control: false },
    toolApproval: { control: false },
    renderTool: { control: false },
    script: { control: false },
    run: { control: false },
  },
  parameters: {
    docs: {
      description: {
        component:
          "Tool calls as the chat shows them: running (spinner and elapsed time), done, failed, waiting for approval, client tools run in the browser, and `renderTool` components.",
      },
    },
  },
} satisfies Meta<typeof ScriptedAgentChat>;

export default meta;
type Story = StoryObj<typeof meta>;

const question = (text: string) => chatMessage({ role: "user", text });

/** An answer holding one tool call, added after mount (so the chat treats it as new). */
function callTool(chat: ScriptedChat, call: Omit<ToolCallPart, "type">, text = ""): string {
  const id = chat.addMessage({ role: "assistant", status: "complete", text }).id;
  chat.addToolCall(id, call);
  return id;
}

/** A tool call whose arguments still stream: spinner, "running" and the seconds it has run. */
export const Running: Story = {
  args: {
    script: { messages: [question("Find flights to Lisbon")] },
    run: (chat) => {
      const id = chat.startAnswer();
      chat.addToolCall(id, {
        toolCallId: "t1",
        name: "search_flights",
        args: '{"to":"LIS"',
        status: "running",
      });
    },
  },
};

/** A finished call, opened: arguments and result pretty-printed. */
export const Done: Story = {
  args: {
    script: {
      messages: [
        question("What's the weather in Paris?"),
        chatMessage({
          role: "assistant",
          text: "It is 14 °C and raining.",
          parts: [
            {
              type: "tool-call",
              toolCallId: "t1",
              name: "get_weather",
              args: '{"city":"Paris","units":"metric"}',
              result: '{"temp":14,"conditions":"rain"}',
              status: "complete",
            },
            { type: "text", text: "It is 14 °C and raining." },
          ],
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByText("Tool: get_weather"));
    await expect(canvas.getByText(/"conditions": "rain"/)).toBeVisible();
  },
};

/** A client tool that threw: the call is failed, with the error the agent was sent. */
export const Failed: Story = {
  args: {
    script: {
      messages: [
        question("Where am I?"),
        chatMessage({
          role: "assistant",
          parts: [
            {
              type: "tool-call",
              toolCallId: "t1",
              name: "get_location",
              args: "{}",
              result: "Permission denied",
              error: "Permission denied",
              status: "failed",
            },
          ],
        }),
      ],
    },
  },
};

const deleteCall = { toolCallId: "t1", name: "delete_file", args: '{"path":"notes.txt"}' };

/** A call the app marks for approval (`toolApproval={{ delete_file: true }}`): Approve or Deny. */
export const ApprovalPending: Story = {
  args: {
    toolApproval: { delete_file: true },
    script: { messages: [question("Clean up my notes")] },
    run: (chat) => void callTool(chat, { ...deleteCall, status: "complete" }),
  },
};

/** The user approved: the decision went back to the agent as the call's result. */
export const Approved: Story = {
  args: ApprovalPending.args,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Approve" }));
    await expect(await canvas.findByText("approved, done")).toBeVisible();
  },
};

/** The user denied, with a reason the agent gets too. */
export const Denied: Story = {
  args: ApprovalPending.args,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(
      await canvas.findByLabelText("Reason for denying (optional)"),
      "I still need it",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Deny" }));
    await expect(await canvas.findByText("denied: I still need it")).toBeVisible();
  },
};

/** An AG-UI interrupt about no tool call: the agent's question above the composer. */
export const InterruptPending: Story = {
  args: {
    script: { messages: [question("Email the report to the team")] },
    run: (chat) =>
      chat.setInterrupts([
        { id: "i1", reason: "confirm_send", message: "Send the report to 12 people?" },
      ]),
  },
};

/** `tools={{ get_location }}`: the browser runs the tool and sends its result back. */
export const ClientTool: Story = {
  args: {
    tools: {
      get_location: async () => ({ city: "Lisbon", lat: 38.72, lon: -9.14 }),
    },
    script: { messages: [question("Where am I?")] },
    run: (chat) =>
      void callTool(chat, {
        toolCallId: "t1",
        name: "get_location",
        args: '{"precise":false}',
        status: "complete",
      }),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("done")).toBeVisible();
  },
};

/** `renderTool`: a component for `get_weather` (generative UI); other tools keep the row. */
export const RenderTool: Story = {
  args: {
    renderTool: {
      get_weather: (call, { status, result, renderDefault }) => {
        const weather = result as { temp?: number; conditions?: string } | undefined;
        return (
          <figure className="story-weather" aria-label="Weather in Paris">
            <p style={{ fontSize: "1.5em", margin: 0 }}>
              {status === "complete" && weather ? `${weather.temp} °C, ${weather.conditions}` : "…"}
            </p>
            {renderDefault()}
          </figure>
        );
      },
    },
    script: { messages: [question("What's the weather in Paris?")] },
    run: (chat) =>
      void callTool(chat, {
        toolCallId: "t1",
        name: "get_weather",
        args: '{"city":"Paris"}',
        result: '{"temp":14,"conditions":"rain"}',
        status: "complete",
      }),
  },
};
