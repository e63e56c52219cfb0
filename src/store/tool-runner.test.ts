import { describe, expect, it, vi } from "vitest";
import type { AgentEvent } from "../codecs/types";
import { conversationStoreUnderTest as setup } from "./test-utils/store-under-test";
import { ToolRunner, type ToolRunnerOptions } from "./tool-runner";

/** A runner over a store under test, started; `call` makes the agent call a tool in a run. */
function runnerUnderTest(options: ToolRunnerOptions) {
  const under = setup();
  under.connection.open();
  const runner = new ToolRunner(under.store);
  runner.options = options;
  const stop = runner.start();
  const call = (toolCallId: string, name: string, args: unknown, ...after: AgentEvent[]) =>
    under.connection.emit(
      { type: "run-started" },
      { type: "tool-call-start", toolCallId, name },
      { type: "tool-call-args", toolCallId, delta: JSON.stringify(args) },
      { type: "tool-call-end", toolCallId },
      ...after,
    );
  return { ...under, runner, stop, call };
}

const parts = (state: { messages: readonly { parts: readonly unknown[] }[] }) =>
  state.messages.flatMap((message) => message.parts);

describe("ToolRunner: client tools", () => {
  it("runs a client tool and sends its result once the run finished", async () => {
    const getLocation = vi.fn(async () => ({ lat: 48.1 }));
    const { connection, frames, store, runner, call } = runnerUnderTest({
      tools: { get_location: getLocation },
    });
    call("t1", "get_location", { precise: true });
    frames.frame();
    await vi.waitFor(() => expect(runner.getState().get("t1")?.phase).toBe("done"));
    expect(getLocation).toHaveBeenCalledWith(
      { precise: true },
      expect.objectContaining({ signal: expect.any(AbortSignal) }),
    );
    expect(connection.replies).toEqual([]);
    connection.emit({ type: "run-finished" });
    expect(connection.replies).toEqual([
      { toolResults: [{ toolCallId: "t1", content: '{"lat":48.1}' }] },
    ]);
    expect(parts(store.getState())).toMatchObject([{ status: "complete", result: '{"lat":48.1}' }]);
  });

  it("reports a tool that throws as a failed call and sends the error", async () => {
    const { connection, store, runner, call } = runnerUnderTest({
      tools: {
        broken: () => {
          throw new Error("no GPS");
        },
      },
    });
    call("t1", "broken", {}, { type: "run-finished" });
    await vi.waitFor(() => expect(connection.replies).toHaveLength(1));
    expect(runner.getState().get("t1")).toMatchObject({ phase: "failed", error: "no GPS" });
    expect(connection.replies[0]).toEqual({
      toolResults: [{ toolCallId: "t1", content: "no GPS", error: "no GPS" }],
    });
    expect(parts(store.getState())).toMatchObject([{ status: "failed", error: "no GPS" }]);
  });

  it("leaves tool calls that were there before it started alone", () => {
    const under = setup();
    under.connection.emit(
      { type: "tool-call-start", toolCallId: "old", name: "get_location" },
      { type: "tool-call-end", toolCallId: "old" },
    );
    under.frames.frame();
    const tool = vi.fn();
    const runner = new ToolRunner(under.store);
    runner.options = { tools: { get_location: tool } };
    runner.start();
    under.connection.emit({ type: "run-finished" });
    expect(tool).not.toHaveBeenCalled();
    expect(runner.getState().size).toBe(0);
  });

  it("aborts a running tool when stopped and sends nothing", async () => {
    let signal: AbortSignal | undefined;
    const { connection, runner, call } = runnerUnderTest({
      tools: {
        slow: (_args, context) => {
          signal = context.signal;
          return new Promise(() => {});
        },
      },
    });
    call("t1", "slow", {}, { type: "run-finished" });
    await vi.waitFor(() => expect(signal).toBeDefined());
    runner.abort();
    expect(signal?.aborted).toBe(true);
    expect(runner.getState().get("t1")?.phase).toBe("interrupted");
    expect(connection.replies).toEqual([]);
  });
});

describe("ToolRunner: approval", () => {
  it("asks before running a tool marked for approval, then runs it", async () => {
    const remove = vi.fn(() => "deleted");
    const { connection, runner, call } = runnerUnderTest({
      tools: { delete_file: remove },
      toolApproval: { delete_file: true },
    });
    call("t1", "delete_file", { path: "a.txt" }, { type: "run-finished" });
    expect(runner.getState().get("t1")?.phase).toBe("approval");
    expect(remove).not.toHaveBeenCalled();
    runner.decide("t1", true);
    await vi.waitFor(() => expect(connection.replies).toHaveLength(1));
    expect(runner.getState().get("t1")).toMatchObject({ phase: "done", decision: "approved" });
    expect(connection.replies[0]).toEqual({
      toolResults: [{ toolCallId: "t1", content: "deleted" }],
    });
  });

  it("sends a denial with its reason as the tool's result", () => {
    const { connection, runner, call } = runnerUnderTest({ toolApproval: () => true });
    call("t1", "transfer", { amount: 10 }, { type: "run-finished" });
    runner.decide("t1", false, "Too much");
    expect(runner.getState().get("t1")).toMatchObject({ decision: "denied", reason: "Too much" });
    expect(connection.replies).toEqual([
      {
        toolResults: [{ toolCallId: "t1", content: '{"approved":false,"reason":"Too much"}' }],
      },
    ]);
  });

  it("answers AG-UI interrupts together once each one has an answer", () => {
    const { connection, runner } = runnerUnderTest({});
    connection.emit({
      type: "run-finished",
      outcome: "interrupt",
      interrupts: [
        { id: "i1", reason: "tool_approval", toolCallId: "t9" },
        { id: "i2", reason: "confirm" },
      ],
    });
    expect(runner.getState().get("t9")?.phase).toBe("approval");
    runner.decide("t9", true);
    expect(connection.replies).toEqual([]);
    runner.decide("i2", false);
    expect(connection.replies).toEqual([
      {
        resume: [
          { interruptId: "i1", status: "resolved", payload: { approved: true } },
          { interruptId: "i2", status: "resolved", payload: { approved: false } },
        ],
      },
    ]);
  });
});
