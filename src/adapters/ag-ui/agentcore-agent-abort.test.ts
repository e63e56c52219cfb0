import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  settle,
  startFakeClockAndRuntime,
  stopFakeClockAndRuntime,
  type MockRuntime,
} from "../../connection/test-utils/harness";
import {
  agentUnderTest,
  collect,
  receivedInputs,
  runInput,
  stream,
  textRun,
  messageOf,
} from "./test-utils/agent";

let runtime: MockRuntime;

beforeEach(() => {
  runtime = startFakeClockAndRuntime();
});

afterEach(async () => {
  await stopFakeClockAndRuntime(runtime);
});

describe("AgentCoreAgent.abortRun", () => {
  it("stops the agent's run for real (its stream closes and reopens) and completes", async () => {
    const { agent, sockets } = agentUnderTest();
    const run = collect(agent, runInput(agent, "run-1"));
    await settle();
    await stream(runtime, textRun("run-1", ["a", "b"]).slice(0, 3));
    const stopped = runtime.latest();
    agent.abortRun();
    expect(run.completed).toBe(true);
    expect(run.events.map((event) => event.type)).toEqual([
      "RUN_STARTED",
      "TEXT_MESSAGE_START",
      "TEXT_MESSAGE_CONTENT",
    ]);
    await settle(1_000);
    expect(stopped.readyState).toBe(WebSocket.CLOSED);
    expect(sockets.calls).toHaveLength(2);
    const next = collect(agent, runInput(agent, "run-2"));
    await settle();
    await stream(runtime, textRun("run-2", ["c"]));
    expect(next.events).toEqual(textRun("run-2", ["c"]));
  });

  it("keeps an aborted run that was still queued out of the next run", async () => {
    const { agent, online } = agentUnderTest();
    online.set(false);
    const aborted = collect(agent, runInput(agent, "run-1"));
    await settle();
    agent.abortRun();
    expect(aborted.completed).toBe(true);
    const next = collect(agent, runInput(agent, "run-2"));
    online.set(true);
    await settle();
    // The outbox sends both; the agent answers the first, then the second.
    expect(receivedInputs(runtime).map((input) => input.runId)).toEqual(["run-1", "run-2"]);
    await stream(runtime, [...textRun("run-1", ["old"]), ...textRun("run-2", ["new"])]);
    expect(next.events).toEqual(textRun("run-2", ["new"]));
    expect(aborted.events).toEqual([]);
  });

  it("stops the run when the subscriber leaves before it ended", async () => {
    const { agent, sockets } = agentUnderTest();
    const run = collect(agent, runInput(agent, "run-1"));
    await settle();
    await stream(runtime, textRun("run-1", ["a"]).slice(0, 1));
    run.unsubscribe();
    await settle(1_000);
    expect(sockets.calls).toHaveLength(2);
  });
});

describe("AgentCoreAgent ends a run it cannot carry", () => {
  it("with send-failed when the input is over the frame limit", async () => {
    const { agent } = agentUnderTest({ maxFrameBytes: 1024 });
    const run = collect(agent, runInput(agent, "run-1", "x".repeat(2_000)));
    expect(run.events).toEqual([
      expect.objectContaining({ type: "RUN_ERROR", code: "send-failed" }),
    ]);
    expect(run.completed).toBe(true);
  });

  it("with run-in-progress for a second run at the same time", async () => {
    const { agent } = agentUnderTest();
    const first = collect(agent, runInput(agent, "run-1"));
    const second = collect(agent, runInput(agent, "run-2"));
    expect(second.events).toEqual([
      expect.objectContaining({ type: "RUN_ERROR", code: "run-in-progress" }),
    ]);
    expect(first.completed).toBe(false);
    agent.close();
    await settle();
    expect(first.events).toEqual([expect.objectContaining({ type: "RUN_ERROR", code: "closed" })]);
  });

  it("with malformed-frame for a frame that is not AG-UI, stopping the agent's run", async () => {
    const { agent, sockets } = agentUnderTest();
    const run = collect(agent, runInput(agent, "run-1"));
    await settle();
    await stream(runtime, textRun("run-1", ["a"]).slice(0, 1));
    runtime.latest().send("<html>oops</html>");
    await settle(1_000);
    expect(run.events.at(-1)).toMatchObject({ type: "RUN_ERROR", code: "malformed-frame" });
    expect(run.completed).toBe(true);
    expect(sockets.calls).toHaveLength(2);
  });

  it("with connection-failed once the connection gives up", async () => {
    const { agent, provider } = agentUnderTest({ retry: { maxAttempts: 1, random: () => 0.5 } });
    provider.script([{ kind: "fail", error: new Error("no credentials") }]);
    const run = collect(agent, runInput(agent, "run-1"));
    await settle(1_000);
    expect(run.events).toEqual([
      expect.objectContaining({ type: "RUN_ERROR", code: "connection-failed" }),
    ]);
    expect(messageOf(run.events[0])).toContain("no credentials");
  });
});
