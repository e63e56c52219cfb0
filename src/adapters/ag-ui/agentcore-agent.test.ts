import { deliveryProtocol } from "../../connection/delivery-link";
import { EventType } from "@ag-ui/client";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  settle,
  startFakeClockAndRuntime,
  stopFakeClockAndRuntime,
  type MockRuntime,
} from "../../connection/test-utils/harness";
import { STATUS_EVENT } from "./status";
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

describe("AgentCoreAgent.run", () => {
  it("sends the RunAgentInput and streams the agent's events verbatim until RUN_FINISHED", async () => {
    const { agent } = agentUnderTest();
    const input = runInput(agent, "run-1");
    const run = collect(agent, input);
    await settle();
    expect(receivedInputs(runtime)).toEqual([input]);
    const events = textRun("run-1", ["Hello", ", world"]);
    await stream(runtime, events);
    expect(run.events).toEqual(events);
    expect(run.completed).toBe(true);
    agent.close();
  });

  it("uses the runtime session as the thread, and a thread id that is a session id as the session", () => {
    const { agent } = agentUnderTest();
    expect(agent.threadId).toBe(agent.connection.sessionId);
    const thread = "thread-0123456789-0123456789-0123456789";
    expect(agentUnderTest({ threadId: thread }).agent.connection.sessionId).toBe(thread);
  });

  it("passes the agent's RUN_ERROR through and completes", async () => {
    const { agent } = agentUnderTest();
    const run = collect(agent, runInput(agent, "run-1"));
    await settle();
    const error = { type: EventType.RUN_ERROR, message: "no model", code: "model" };
    await stream(runtime, [error]);
    expect(run.events).toEqual([error]);
    expect(run.completed).toBe(true);
  });

  it("reopens on the same session for the next run after the agent closes (1000)", async () => {
    const { agent, sockets } = agentUnderTest();
    const first = collect(agent, runInput(agent, "run-1"));
    await settle();
    await stream(runtime, textRun("run-1", ["one"]));
    runtime.latest().close({ code: 1000, reason: "run finished", wasClean: true });
    await settle();
    expect(first.completed).toBe(true);
    expect(agent.status.status).toBe("idle");
    const second = collect(agent, runInput(agent, "run-2"));
    await settle();
    await stream(runtime, textRun("run-2", ["two"]));
    expect(second.events).toEqual(textRun("run-2", ["two"]));
    expect(sockets.calls).toHaveLength(2);
    expect(receivedInputs(runtime).map((input) => input.runId)).toEqual(["run-1", "run-2"]);
  });

  it("runs the next run on a new stream when it starts while the agent closes the last (1000)", async () => {
    const { agent, sockets } = agentUnderTest();
    collect(agent, runInput(agent, "run-1"));
    await settle();
    await stream(runtime, textRun("run-1", ["one"]));
    runtime.latest().close({ code: 1000, reason: "run finished", wasClean: true });
    const second = collect(agent, runInput(agent, "run-2"));
    await settle();
    await stream(runtime, textRun("run-2", ["two"]));
    expect(second.events).toEqual(textRun("run-2", ["two"]));
    expect(second.completed).toBe(true);
    expect(sockets.calls).toHaveLength(2);
    expect(receivedInputs(runtime).map((input) => input.runId)).toEqual(["run-1", "run-2"]);
  });

  it("ends a run the connection drops with RUN_ERROR interrupted, delivering nothing twice", async () => {
    const { agent, sockets } = agentUnderTest();
    const run = collect(agent, runInput(agent, "run-1"));
    await settle();
    const events = textRun("run-1", ["a", "b", "c"]);
    await stream(runtime, events.slice(0, 3));
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle();
    expect(run.events.slice(0, 3)).toEqual(events.slice(0, 3));
    const status = run.events[3] as { type: string; name: string; value: { status: string } };
    expect(status).toMatchObject({ type: "CUSTOM", name: STATUS_EVENT });
    expect(status.value.status).toBe("reconnecting");
    expect(run.events[4]).toMatchObject({ type: "RUN_ERROR", code: "interrupted" });
    expect(messageOf(run.events[4])).toMatch(
      /interrupted before it finished: the stream closed \(connection-lost, 1006\); reconnecting in \d+ s\./,
    );
    expect(run.events).toHaveLength(5);
    expect(run.completed).toBe(true);
    // The connection comes back on the same session and never sends the run again.
    await settle(1_000);
    expect(sockets.calls).toHaveLength(2);
    expect(agent.status.status).toBe("open");
    expect(receivedInputs(runtime)).toHaveLength(1);
  });

  it("with delivery on, carries a run across a dropped stream: every event once, in order", async () => {
    const { agent, sockets } = agentUnderTest({ delivery: deliveryProtocol() });
    const run = collect(agent, runInput(agent, "run-1"));
    await settle();
    runtime.latest().send("@hello e1 0");
    await settle();
    const sent = runtime.received.find((frame) => frame.startsWith("@msg "));
    runtime.latest().send(`@got ${sent?.split(" ")[1]}`);
    const events = textRun("run-1", ["a", "b", "c"]);
    const envelopes = events.map((event, index) => `${index + 1}:${JSON.stringify(event)}`);
    for (const frame of envelopes.slice(0, 3)) runtime.latest().send(frame);
    await settle();
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle(1_000);
    expect(sockets.calls).toHaveLength(2);
    runtime.latest().send("@hello e1 3");
    for (const frame of envelopes.slice(2)) runtime.latest().send(frame);
    await settle();
    const agUiEvents = run.events.filter((event) => event.type !== "CUSTOM");
    expect(agUiEvents).toEqual(events);
    expect(run.completed).toBe(true);
  });

  it("re-presigns after a 1008 mid-run and runs the next run on the same session", async () => {
    const { agent, provider } = agentUnderTest();
    const run = collect(agent, runInput(agent, "run-1"));
    await settle();
    await stream(runtime, textRun("run-1", ["a"]).slice(0, 2));
    runtime.latest().close({ code: 1008, reason: "expired", wasClean: true });
    await settle(1_000);
    expect(run.events.at(-1)).toMatchObject({ type: "RUN_ERROR", code: "interrupted" });
    expect(messageOf(run.events.at(-1))).toContain("1008");
    expect(provider.calls.length).toBeGreaterThanOrEqual(2);
    const next = collect(agent, runInput(agent, "run-2"));
    await settle();
    await stream(runtime, textRun("run-2", ["b"]));
    expect(next.events).toEqual(textRun("run-2", ["b"]));
    expect(new Set(provider.calls.map((call) => call.sessionId)).size).toBe(1);
  });
});
