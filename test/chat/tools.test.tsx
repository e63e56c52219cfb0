import { act, screen, within } from "@testing-library/react";
import { renderChat } from "./render-chat";

/** The row of the tool call named `name`. */
function toolRow(name: string): HTMLElement {
  const row = screen.getByText(`Tool: ${name}`).closest<HTMLElement>(".acr-tool-call");
  if (!row) throw new Error(`no tool call ${name}`);
  return row;
}

describe("tool calls", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("shows a running call with a spinner and its elapsed time, then done", () => {
    vi.useFakeTimers();
    const { chat } = renderChat();
    let id = "";
    act(() => {
      id = chat.startAnswer();
      chat.addToolCall(id, { toolCallId: "t1", name: "search", args: "{", status: "running" });
    });
    const row = toolRow("search");
    expect(row).toHaveAttribute("data-status", "running");
    expect(row.querySelector(".acr-tool-call__spinner")).not.toBeNull();
    expect(within(row).getByText("running")).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(3_000));
    expect(within(row).getByText(/running · 3 s/)).toBeInTheDocument();
    act(() => chat.updateToolCall(id, "t1", { args: '{"q":"rain"}', status: "complete" }));
    expect(row).toHaveAttribute("data-status", "complete");
    expect(row.querySelector(".acr-tool-call__spinner")).toBeNull();
    expect(within(row).getByText("done")).toBeInTheDocument();
  });

  it("opens on a real disclosure and pretty-prints arguments and result", async () => {
    const { chat, user } = renderChat();
    act(() => {
      const id = chat.startAnswer();
      chat.addToolCall(id, {
        toolCallId: "t1",
        name: "search",
        args: '{"q":"rain","days":2}',
        result: '{"ok":true}',
        status: "complete",
      });
    });
    const details = toolRow("search").querySelector("details");
    expect(details).toHaveProperty("open", false);
    await user.click(screen.getByText("Tool: search"));
    expect(details).toHaveProperty("open", true);
    const payloads = toolRow("search").querySelectorAll(".acr-tool-call__payload");
    expect(payloads[0]?.textContent).toBe('{\n  "q": "rain",\n  "days": 2\n}');
    expect(payloads[1]?.textContent).toBe('{\n  "ok": true\n}');
  });

  it("shows a failed and an interrupted call as such", () => {
    const { chat } = renderChat();
    act(() => {
      const id = chat.startAnswer();
      chat.addToolCall(id, {
        toolCallId: "t1",
        name: "broken",
        args: "{}",
        status: "failed",
        error: "no GPS",
      });
      chat.addToolCall(id, { toolCallId: "t2", name: "slow", args: "{}", status: "interrupted" });
    });
    expect(toolRow("broken")).toHaveAttribute("data-status", "failed");
    expect(within(toolRow("broken")).getByText("failed")).toBeInTheDocument();
    expect(within(toolRow("broken")).getByText("no GPS")).toBeInTheDocument();
    expect(within(toolRow("slow")).getByText("interrupted")).toBeInTheDocument();
  });

  it("runs a client tool, shows its result and sends it once the answer is over", async () => {
    const getLocation = vi.fn(async () => ({ city: "Lyon" }));
    const { chat } = renderChat({ props: { tools: { get_location: getLocation } } });
    let id = "";
    act(() => {
      id = chat.startAnswer();
      chat.addToolCall(id, { toolCallId: "t1", name: "get_location", args: "", status: "running" });
    });
    act(() => chat.updateToolCall(id, "t1", { args: '{"precise":true}', status: "complete" }));
    await screen.findByText("done");
    expect(getLocation).toHaveBeenCalledWith({ precise: true }, expect.anything());
    expect(chat.calls.replies).toEqual([]);
    act(() => chat.finishAnswer(id));
    expect(chat.calls.replies).toEqual([
      { toolResults: [{ toolCallId: "t1", content: '{"city":"Lyon"}' }] },
    ]);
  });

  it("reports a client tool that throws as failed and keeps the chat working", async () => {
    const { chat } = renderChat({
      props: {
        tools: {
          get_location: () => {
            throw new Error("Permission denied");
          },
        },
      },
    });
    act(() => {
      const id = chat.addMessage({ role: "assistant", status: "complete" }).id;
      chat.addToolCall(id, {
        toolCallId: "t1",
        name: "get_location",
        args: "{}",
        status: "complete",
      });
    });
    expect(await within(toolRow("get_location")).findByText("failed")).toBeInTheDocument();
    expect(chat.calls.replies).toEqual([
      {
        toolResults: [
          { toolCallId: "t1", content: "Permission denied", error: "Permission denied" },
        ],
      },
    ]);
    expect(screen.getByRole("textbox", { name: "Message" })).toBeEnabled();
  });

  it("asks for approval with labelled, keyboard-reachable buttons and sends a denial with its reason", async () => {
    const { chat, user } = renderChat({ props: { toolApproval: { delete_file: true } } });
    act(() => {
      const id = chat.addMessage({ role: "assistant", status: "complete" }).id;
      chat.addToolCall(id, {
        toolCallId: "t1",
        name: "delete_file",
        args: '{"path":"a.txt"}',
        status: "complete",
      });
    });
    const row = toolRow("delete_file");
    expect(within(row).getByText("needs your approval")).toBeInTheDocument();
    await user.type(within(row).getByLabelText("Reason for denying (optional)"), "Keep it");
    await user.tab();
    expect(within(row).getByRole("button", { name: "Approve" })).toHaveFocus();
    await user.tab();
    expect(within(row).getByRole("button", { name: "Deny" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(chat.calls.replies).toEqual([
      {
        toolResults: [{ toolCallId: "t1", content: '{"approved":false,"reason":"Keep it"}' }],
      },
    ]);
    expect(within(row).queryByRole("button", { name: "Approve" })).toBeNull();
    expect(within(row).getByText("denied: Keep it")).toBeInTheDocument();
  });

  it("answers an AG-UI interrupt from the approval panel", async () => {
    const { chat, user } = renderChat();
    act(() =>
      chat.setInterrupts([{ id: "i1", reason: "confirm_send", message: "Send the email?" }]),
    );
    expect(screen.getByText("The agent asks for approval: confirm_send")).toBeInTheDocument();
    expect(screen.getByText("Send the email?")).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Approve" }));
    expect(chat.calls.replies).toEqual([
      { resume: [{ interruptId: "i1", status: "resolved", payload: { approved: true } }] },
    ]);
    expect(screen.queryByText("Send the email?")).toBeNull();
  });

  it("draws a tool with its renderTool component, which can fall back to the default", () => {
    const { chat } = renderChat({
      props: {
        renderTool: {
          get_weather: (call, helpers) => (
            <figure aria-label="Weather">
              {helpers.status === "complete"
                ? `${(helpers.result as { temp: number }).temp} °C`
                : "…"}
              {helpers.renderDefault()}
            </figure>
          ),
        },
      },
    });
    act(() => {
      const id = chat.addMessage({ role: "assistant", status: "complete" }).id;
      chat.addToolCall(id, {
        toolCallId: "t1",
        name: "get_weather",
        args: '{"city":"Lyon"}',
        result: '{"temp":21}',
        status: "complete",
      });
      chat.addToolCall(id, { toolCallId: "t2", name: "other", args: "{}", status: "complete" });
    });
    const figure = screen.getByRole("figure", { name: "Weather" });
    expect(figure).toHaveTextContent("21 °C");
    expect(within(figure).getByText("Tool: get_weather")).toBeInTheDocument();
    expect(screen.getByText("Tool: other")).toBeInTheDocument();
  });
});
