import { AssistantRuntimeProvider, useAuiState } from "@assistant-ui/react";
import { act, render, renderHook, screen } from "@testing-library/react";
import type { ReactNode } from "react";
import { createConversationStore } from "../../store/create-conversation-store";
import { FakeConnection } from "../../store/test-utils/fake-connection";
import { createManualScheduler } from "../../store/test-utils/manual-scheduler";
import { useAgentCoreStatus } from "./use-agent-core-status";
import { useAgentCoreConversationRuntime } from "./use-agent-core-runtime";

function setup() {
  const connection = new FakeConnection();
  const frames = createManualScheduler();
  const conversation = createConversationStore({
    connection,
    scheduler: frames.scheduler,
    connect: "eager",
  });
  function Provider({ children }: { children: ReactNode }) {
    const runtime = useAgentCoreConversationRuntime(conversation);
    return <AssistantRuntimeProvider runtime={runtime}>{children}</AssistantRuntimeProvider>;
  }
  return { connection, frames, conversation, Provider };
}

function ThreadProbe() {
  const running = useAuiState(({ thread }) => thread.isRunning);
  const messages = useAuiState(({ thread }) => thread.messages);
  return (
    <output data-running={running}>
      {messages
        .map(
          (message) =>
            `${message.role}:${message.content.map((part) => ("text" in part ? part.text : part.type)).join("")}:${message.status?.type ?? "-"}`,
        )
        .join("|")}
    </output>
  );
}

describe("useAgentCoreConversationRuntime", () => {
  it("shows the conversation in assistant-ui's thread state, with isRunning from the store", () => {
    const { connection, frames, conversation, Provider } = setup();
    render(
      <Provider>
        <ThreadProbe />
      </Provider>,
    );
    act(() => connection.open());
    act(() => {
      conversation.send("Hi");
      connection.emit({ type: "text-delta", delta: "Hel" }, { type: "text-delta", delta: "lo" });
      frames.frame();
    });
    expect(screen.getByRole("status")).toHaveTextContent("user:Hi:-|assistant:Hello:running");
    expect(screen.getByRole("status")).toHaveAttribute("data-running", "true");
    act(() => connection.emit({ type: "message-end" }));
    expect(screen.getByRole("status")).toHaveTextContent("user:Hi:-|assistant:Hello:complete");
    expect(screen.getByRole("status")).toHaveAttribute("data-running", "false");
  });

  it("sends what the thread appends and stops through the conversation", async () => {
    const { connection, frames, conversation } = setup();
    const { result } = renderHook(() => useAgentCoreConversationRuntime(conversation));
    act(() => connection.open());
    // What the composer's Send and Cancel call.
    await act(() =>
      result.current.thread.append({ role: "user", content: [{ type: "text", text: "Hi" }] }),
    );
    expect(connection.getSnapshot().outbox.map((entry) => entry.message)).toEqual(["Hi"]);
    act(() => {
      connection.emit({ type: "text-delta", delta: "Hel" });
      frames.frame();
    });
    expect(result.current.thread.getState().isRunning).toBe(true);
    await act(() => result.current.thread.cancelRun());
    expect(connection.calls).toContain("stop");
    expect(conversation.getState().messages.at(-1)?.status).toBe("stopped");
    expect(result.current.thread.getState().messages.at(-1)?.status).toEqual({
      type: "incomplete",
      reason: "cancelled",
    });
  });
});

describe("useAgentCoreConversationRuntime reload and edit", () => {
  async function answered() {
    const { connection, conversation } = setup();
    const { result } = renderHook(() => useAgentCoreConversationRuntime(conversation));
    act(() => connection.open());
    await act(() =>
      result.current.thread.append({ role: "user", content: [{ type: "text", text: "Hi" }] }),
    );
    act(() => connection.emit({ type: "text-delta", delta: "Hello" }, { type: "message-end" }));
    const [user] = conversation.getState().messages;
    return { connection, conversation, result, userId: user?.id ?? "" };
  }

  it("reload sends the turn again as a new version", async () => {
    const { connection, conversation, result, userId } = await answered();
    await act(() => result.current.thread.startRun({ parentId: userId }));
    expect(connection.getSnapshot().outbox.map((entry) => entry.message)).toEqual(["Hi", "Hi"]);
    const messages = conversation.getState().messages;
    expect(messages.map((message) => message.text)).toEqual(["Hi"]);
    expect(messages[0]?.branch).toEqual({ index: 1, count: 2 });
  });

  it("edit sends the edited text as a new version of the turn", async () => {
    const { connection, conversation, result, userId } = await answered();
    const composer = result.current.thread.getMessageById(userId).composer;
    act(() => composer.beginEdit());
    act(() => composer.setText("Hey"));
    await act(() => composer.send());
    expect(connection.getSnapshot().outbox.map((entry) => entry.message)).toEqual(["Hi", "Hey"]);
    expect(conversation.getState().messages.map((message) => message.text)).toEqual(["Hey"]);
  });
});

describe("useAgentCoreStatus", () => {
  it("reads the connection of the thread's conversation, and reconnects it", () => {
    const { connection, Provider } = setup();
    const { result } = renderHook(() => useAgentCoreStatus(), { wrapper: Provider });
    expect(result.current.kind).toBe("connecting");
    act(() => connection.open());
    expect(result.current.kind).toBeNull();
    act(() => connection.drop("reconnecting"));
    expect(result.current).toMatchObject({ kind: "reconnecting", retryInSeconds: null });
    expect(result.current.connection.reason).toBe("connection-lost");
    act(() => result.current.reconnect());
    expect(connection.calls).toContain("reconnect");
  });

  it("throws inside a provider whose runtime is not this adapter's", () => {
    expect(() => renderHook(() => useAgentCoreStatus())).toThrow();
  });
});
