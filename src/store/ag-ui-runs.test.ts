import { UNFINISHED_MESSAGE } from "./conversation-model";
import {
  conversationStoreUnderTest as setup,
  lastMessage as last,
} from "./test-utils/store-under-test";

describe("AG-UI runs in the store", () => {
  it("ends a message still open at run-finished in error, reported once", () => {
    const { connection, store, errors, finished } = setup();
    connection.open();
    store.send("hi");
    connection.emit(
      { type: "run-started", runId: "r" },
      { type: "message-start", messageId: "a", role: "assistant" },
      { type: "text-delta", messageId: "a", delta: "half" },
      { type: "reasoning-start", messageId: "think" },
      { type: "run-finished", runId: "r" },
    );
    expect(store.getState().messages.find((message) => message.id === "a")).toMatchObject({
      status: "error",
      error: UNFINISHED_MESSAGE,
    });
    expect(store.getState().messages.find((message) => message.id === "think")).toMatchObject({
      status: "error",
    });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "protocol-violation" });
    expect(finished.map((message) => message.status)).toEqual(["error", "error"]);
  });

  it("completes a run whose messages all ended, without an error", () => {
    const { connection, store, errors } = setup();
    connection.emit(
      { type: "message-start", messageId: "a" },
      { type: "text-delta", messageId: "a", delta: "done" },
      { type: "message-end", messageId: "a" },
      { type: "run-finished" },
    );
    expect(last(store.getState())).toMatchObject({ status: "complete" });
    expect(errors).toEqual([]);
  });

  it("exposes the interrupts of a run until the user answers", () => {
    const { connection, frames, store } = setup();
    connection.open();
    const interrupts = [{ id: "i1", reason: "tool_approval", message: "Send it?" }];
    connection.emit({ type: "run-finished", outcome: "interrupt", interrupts });
    expect(store.getState().pendingInterrupts).toEqual(interrupts);
    store.send("yes");
    expect(store.getState().pendingInterrupts).toEqual([]);
    connection.emit({ type: "run-finished", outcome: "interrupt", interrupts });
    connection.emit({ type: "run-started" });
    frames.frame();
    expect(store.getState().pendingInterrupts).toEqual([]);
  });

  it("keeps the agent state's identity while it does not change, and patches it immutably", () => {
    const { connection, frames, store } = setup();
    const snapshot = { items: [{ id: 1 }], other: { x: 1 } };
    connection.emit({ type: "state-snapshot", snapshot });
    frames.frame();
    const first = store.getState();
    expect(first.agentState).toBe(snapshot);
    connection.emit({ type: "custom", name: "x", value: 1 });
    frames.frame();
    expect(store.getState().agentState).toBe(first.agentState);
    connection.emit({
      type: "state-delta",
      delta: [{ op: "add", path: "/items/-", value: { id: 2 } }],
    });
    frames.frame();
    const patched = store.getState().agentState;
    expect(patched).toEqual({ items: [{ id: 1 }, { id: 2 }], other: { x: 1 } });
    expect(snapshot.items).toHaveLength(1);
    expect((patched as typeof snapshot).other).toBe(snapshot.other);
  });

  it("reports a state patch that does not apply and keeps the state", () => {
    const { connection, frames, store, errors } = setup();
    connection.emit({ type: "state-snapshot", snapshot: { a: 1 } });
    connection.emit({
      type: "state-delta",
      delta: [
        { op: "replace", path: "/a", value: 2 },
        { op: "remove", path: "/missing" },
      ],
    });
    frames.frame();
    expect(store.getState().agentState).toEqual({ a: 1 });
    expect(errors[0]).toMatchObject({ code: "state-patch-failed" });
  });

  it("keeps a user message the agent cannot know yet when a messages snapshot arrives", () => {
    const { connection, frames, store } = setup();
    store.send("queued while offline");
    connection.emit({
      type: "messages-snapshot",
      messages: [{ id: "old", role: "assistant", text: "From before." }],
    });
    frames.frame();
    expect(store.getState().messages.map((message) => [message.id, message.status])).toEqual([
      ["out-1", "pending"],
      ["old", "complete"],
    ]);
  });
});
