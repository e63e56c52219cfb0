import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BaseEvent } from "@ag-ui/client";
import {
  settle,
  startFakeClockAndRuntime,
  stopFakeClockAndRuntime,
  type MockRuntime,
} from "../../connection/test-utils/harness";
import { STATUS_EVENT } from "./status";
import { agentUnderTest, receivedInputs, stream, textRun } from "./test-utils/agent";

/** The `@ag-ui/client` pipeline (runAgent: validation, chunk expansion, apply) over the adapter. */

let runtime: MockRuntime;

beforeEach(() => {
  runtime = startFakeClockAndRuntime();
});

afterEach(async () => {
  await stopFakeClockAndRuntime(runtime);
});

describe("agent.runAgent() from @ag-ui/client", () => {
  it("streams text to subscribers and adds the answer to agent.messages", async () => {
    const { agent } = agentUnderTest();
    agent.addMessage({ id: "u1", role: "user", content: "Say hello" });
    const deltas: string[] = [];
    const running = agent.runAgent(
      { runId: "run-1" },
      { onTextMessageContentEvent: ({ event }) => void deltas.push(event.delta) },
    );
    await settle();
    const [input] = receivedInputs(runtime);
    expect(input).toMatchObject({ runId: "run-1", threadId: agent.threadId });
    expect(input?.messages).toEqual([{ id: "u1", role: "user", content: "Say hello" }]);
    await stream(runtime, textRun("run-1", ["Hello", ", world"], agent.threadId));
    const { newMessages } = await running;
    expect(deltas).toEqual(["Hello", ", world"]);
    expect(newMessages).toEqual([{ id: "a-run-1", role: "assistant", content: "Hello, world" }]);
    expect(agent.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(agent.isRunning).toBe(false);
  });

  it("reports a drop mid-run to onCustomEvent and onRunErrorEvent, then resolves", async () => {
    const { agent } = agentUnderTest();
    agent.addMessage({ id: "u1", role: "user", content: "Say hello" });
    const seen: BaseEvent[] = [];
    const running = agent.runAgent(
      { runId: "run-1" },
      {
        onEvent: ({ event }) => void seen.push(event),
      },
    );
    await settle();
    await stream(runtime, textRun("run-1", ["Hel", "lo"], agent.threadId).slice(0, 3));
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle();
    await running;
    expect(seen.map((event) => event.type)).toEqual([
      "RUN_STARTED",
      "TEXT_MESSAGE_START",
      "TEXT_MESSAGE_CONTENT",
      "CUSTOM",
      "RUN_ERROR",
    ]);
    expect(seen[3]).toMatchObject({ name: STATUS_EVENT, value: { status: "reconnecting" } });
    expect(seen[4]).toMatchObject({ code: "interrupted" });
    // The text so far stays; nothing was delivered twice.
    expect(agent.messages.at(-1)).toMatchObject({ role: "assistant", content: "Hel" });
  });
});

describe("AgentCoreAgent status", () => {
  it("reports each change of the connection once to subscribeStatus", async () => {
    const { agent, online } = agentUnderTest();
    const statuses: string[] = [];
    const unsubscribe = agent.subscribeStatus(({ status, reason, online }) =>
      statuses.push(`${status}${reason ? `: ${reason}` : ""}${online ? "" : ", offline"}`),
    );
    agent.connection.connect();
    await settle();
    online.set(false);
    runtime.latest().close({ code: 1006, reason: "", wasClean: false });
    await settle();
    expect(agent.status).toMatchObject({
      status: "reconnecting",
      reason: "offline",
      online: false,
    });
    online.set(true);
    await settle(1_000);
    unsubscribe();
    // Offline first: the open stream is left to its own close; back online, it tries at once.
    expect(statuses).toEqual([
      "connecting",
      "open",
      "open, offline",
      "reconnecting: offline, offline",
      "reconnecting: offline",
      "open",
    ]);
  });
});
