import { afterAll, afterEach, describe, expect, inject, it, vi } from "vitest";
import type { BaseEvent, CustomEvent } from "@ag-ui/client";
import type { PresignedConnection } from "../../src/index";
import { AgentCoreAgent, STATUS_EVENT } from "../../src/ag-ui";

// Whole conversations with faults and reconnects (and, for some, an agent process started on
// request): the deadline only catches a hang, and a loaded machine needs more than 30 s.
vi.setConfig({ testTimeout: 120_000 });

/**
 * `@ag-ui/client` in Chromium, the way its README runs an agent (`agent.runAgent()` with a
 * subscriber), with only the agent construction changed to `AgentCoreAgent`: against the
 * AGUIApp-style Python agent behind the emulator (SSE frames, a 1000 close after each run),
 * and the emulator's own paced AG-UI agent for `abortRun()`.
 */

const stackUrl = inject("agUiStackUrl");

async function stack(command: string, body: unknown = {}): Promise<unknown> {
  const response = await fetch(`${stackUrl}${command}`, {
    method: "POST",
    body: JSON.stringify(body),
  });
  const result: unknown = await response.json();
  if (!response.ok) throw new Error(`${command}: ${JSON.stringify(result)}`);
  return result;
}

/** An agent whose URLs the emulator's presigner makes; `presigned` counts them. */
function newAgent() {
  const presigned: string[] = [];
  const agent = new AgentCoreAgent({
    urlProvider: async ({ sessionId }) => {
      presigned.push(sessionId);
      return (await stack("/presign", { sessionId })) as PresignedConnection;
    },
  });
  return { agent, presigned };
}

/** One turn: the user's question, then `runAgent` with a subscriber that keeps every event. */
async function ask(agent: AgentCoreAgent, question: string, abortOnText = false) {
  agent.addMessage({ id: crypto.randomUUID(), role: "user", content: question });
  const events: BaseEvent[] = [];
  let text = "";
  await agent.runAgent(
    {},
    {
      onEvent: ({ event }) => void events.push(event),
      onTextMessageContentEvent: ({ event }) => {
        text += event.delta;
        if (abortOnText) agent.abortRun();
      },
    },
  );
  return { events, text, types: events.map((event) => event.type) };
}

/** No event delivered twice: each one's JSON appears once. */
function expectNoDuplicates(events: BaseEvent[]): void {
  const seen = events.map((event) => JSON.stringify(event));
  expect(new Set(seen).size).toBe(seen.length);
}

const agents: AgentCoreAgent[] = [];
afterEach(() => {
  for (const agent of agents.splice(0)) agent.close();
});
afterAll(async () => {
  await stack("/stop");
});

describe("AgentCoreAgent with @ag-ui/client in Chromium", () => {
  it("streams runs, reopens after each, and ends dropped and expired streams clearly", async () => {
    await stack("/start", { agent: "python" });
    const { agent, presigned } = newAgent();
    agents.push(agent);

    const first = await ask(agent, "question 1");
    expect(first.text).toBe("You asked: question 1. It is sunny.");
    expect(first.types.at(-1)).toBe("RUN_FINISHED");
    // The agent closed (1000) after the run: the next one reopens on the same session.
    await expect.poll(() => agent.status.status).toBe("idle");
    const second = await ask(agent, "question 2");
    expect(second.text).toBe("You asked: question 2. It is sunny.");
    // The fault below is armed for the next stream, not the one the agent is closing.
    await expect.poll(() => agent.status.status).toBe("idle");

    // A socket dropped mid-run (no close frame): what came is kept once, and the run ends.
    // The run's frames: RUN_STARTED, reasoning (3), the tool call (4), the answer (6); the
    // 11th carries the question back, the 13th the weather.
    await stack("/fault", { action: "dropAfterFrames", frames: 11, direction: "out" });
    const dropped = await ask(agent, "question 3");
    expectNoDuplicates(dropped.events);
    expect(dropped.types.filter((type) => type === "RUN_STARTED")).toHaveLength(1);
    expect(dropped.types.at(-1)).toBe("RUN_ERROR");
    expect(dropped.events.at(-1)).toMatchObject({ code: "interrupted" });
    const status = dropped.events.find(
      (event): event is CustomEvent => event.type === "CUSTOM" && "name" in event,
    );
    expect(status).toMatchObject({ name: STATUS_EVENT, value: { reason: "connection-lost" } });
    expect(dropped.text).toBe("You asked: question 3");

    // 1008 mid-run: the URL is fetched anew, and the run ends the same way.
    const before = presigned.length;
    await stack("/fault", { action: "closeAfterFrames", frames: 11, code: 1008, direction: "out" });
    const expired = await ask(agent, "question 4");
    expectNoDuplicates(expired.events);
    expect(expired.events.at(-1)).toMatchObject({ type: "RUN_ERROR", code: "interrupted" });
    expect(JSON.stringify(expired.events.at(-1))).toContain("1008");
    expect(expired.text).toBe("You asked: question 4");

    const after = await ask(agent, "question 5");
    expect(after.text).toBe("You asked: question 5. It is sunny.");
    expect(presigned.length).toBeGreaterThan(before);
    expect(new Set(presigned)).toEqual(new Set([agent.connection.sessionId]));
    expect(agent.threadId).toBe(agent.connection.sessionId);
  });

  it("aborts a run for real and runs the next one whole", async () => {
    await stack("/start", { agent: "paced" });
    const { agent } = newAgent();
    agents.push(agent);

    const aborted = await ask(agent, "stop me", true);
    expect(aborted.types).not.toContain("RUN_FINISHED");
    expect(aborted.types).not.toContain("RUN_ERROR");
    expect(aborted.text.length).toBeGreaterThan(0);

    const next = await ask(agent, "go on");
    expect(next.types.at(-1)).toBe("RUN_FINISHED");
    expect(next.text).toContain('"go on"');
    expectNoDuplicates([...aborted.events, ...next.events]);
  });
});
