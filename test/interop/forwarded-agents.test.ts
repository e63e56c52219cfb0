import type { CloseEvent, Emulator } from "agentcore-react-emulator";
import {
  agUiCodec,
  Conversation,
  ToolRunner,
  toRunAgentInput,
  type AgentEvent,
  type Codec,
} from "../../src/index";
import {
  answeredAndIdle,
  connectionTo,
  CUSTOM_HEADER,
  startStack,
  stateWhere,
  stopStack,
  type Stack,
} from "./interop-stack";
import type { PythonAgent } from "./python-agents";

/**
 * Real Python agent processes (Starlette + Uvicorn, the AgentCore container contract) behind
 * the emulator's `forward`, driven by the library's AgentRuntimeConnection in Node. Each agent
 * answers one message per connection and closes with 1000, so every turn after the first
 * reopens the stream on the same session.
 */

/** Two turns through a Conversation; the final state. */
async function twoTurns(emulator: Emulator) {
  const connection = connectionTo(emulator);
  const conversation = new Conversation({ connection });
  const unsubscribe = conversation.subscribe(() => undefined);
  try {
    connection.connect();
    conversation.send("hello");
    await stateWhere(conversation, answeredAndIdle(1), "the first answer and the agent's close");
    conversation.send("again");
    const state = await stateWhere(conversation, answeredAndIdle(2), "the second answer");
    return { state, sessionId: connection.sessionId };
  } finally {
    unsubscribe();
    connection.close();
  }
}

/** The agent saw both upgrades with the session id and the custom header. */
async function expectHeadersSeen(agent: PythonAgent, sessionId: string): Promise<void> {
  const seen = await agent.seen();
  expect(seen).toHaveLength(2);
  for (const upgrade of seen) {
    expect(upgrade.sessionId).toBe(sessionId);
    expect(upgrade.custom).toEqual({ [CUSTOM_HEADER.toLowerCase()]: "ada lovelace" });
  }
}

/** The emulator relayed each of the agent's 1000 closes to the client. */
async function expectAgentClosedTwice(emulator: Emulator): Promise<void> {
  await emulator.waitForEvent((event) => event.type === "close" && event.connectionId === 2);
  const closes = emulator.events.filter((event): event is CloseEvent => event.type === "close");
  expect(closes.map(({ code, cause }) => ({ code, cause }))).toEqual([
    { code: 1000, cause: "agent" },
    { code: 1000, cause: "agent" },
  ]);
}

describe("a text agent in the AgentCore SDK's stream_chunk shape, behind forward", () => {
  let stack: Stack | undefined;
  beforeAll(async () => (stack = await startStack("text_agent.py")), 60_000);
  afterAll(() => stopStack(stack));

  it("answers two turns as two complete messages, the agent closing after each", async () => {
    if (!stack) throw new Error("no stack");
    const { state, sessionId } = await twoTurns(stack.emulator);
    expect(state.messages.map(({ role, text, status }) => ({ role, text, status }))).toEqual([
      { role: "user", text: "hello", status: "complete" },
      { role: "assistant", text: "You said: hello. Café.", status: "complete" },
      { role: "user", text: "again", status: "complete" },
      { role: "assistant", text: "You said: again. Café.", status: "complete" },
    ]);
    expect(state.isStreaming).toBe(false);
    await expectHeadersSeen(stack.agent, sessionId);
    await expectAgentClosedTwice(stack.emulator);
  }, 60_000);
});

describe("an agent forwarding Strands agent stream events, behind forward", () => {
  let stack: Stack | undefined;
  beforeAll(async () => (stack = await startStack("strands_agent.py")), 60_000);
  afterAll(() => stopStack(stack));

  it("shows each answer's text once, across the tool call, and ends it", async () => {
    if (!stack) throw new Error("no stack");
    const { state, sessionId } = await twoTurns(stack.emulator);
    const answers = state.messages.filter((message) => message.role === "assistant");
    expect(answers.map(({ text, status }) => ({ text, status }))).toEqual([
      { text: "Let me check the weather. You asked: hello. It is sunny.", status: "complete" },
      { text: "Let me check the weather. You asked: again. It is sunny.", status: "complete" },
    ]);
    expect(state.isStreaming).toBe(false);
    await expectHeadersSeen(stack.agent, sessionId);
    await expectAgentClosedTwice(stack.emulator);
  }, 60_000);
});

/** A codec that sends AG-UI's RunAgentInput and hands every frame over untouched. */
const rawAgUi: Codec<string> = {
  name: "raw-ag-ui",
  encode: (message, context) => JSON.stringify(toRunAgentInput(message, context)),
  decode: (frame) => [
    { type: "custom", name: "frame", value: typeof frame === "string" ? frame : "(binary)" },
  ],
};

/** The AG-UI events of SSE-framed frames (`data: {...}\n\n`, one or more per frame). */
function sseEvents(frames: readonly string[]): Array<Record<string, unknown>> {
  return frames.flatMap((frame) => {
    expect(frame.endsWith("\n\n")).toBe(true);
    return frame
      .split("\n\n")
      .filter((block) => block !== "")
      .map((block) => {
        expect(block.startsWith("data: ")).toBe(true);
        return JSON.parse(block.slice("data: ".length)) as Record<string, unknown>;
      });
  });
}

const RUN_EVENTS = [
  "RUN_STARTED",
  "REASONING_START",
  "REASONING_MESSAGE_START",
  "REASONING_MESSAGE_CONTENT",
  "REASONING_MESSAGE_END",
  "REASONING_END",
  "TOOL_CALL_START",
  "TOOL_CALL_ARGS",
  "TOOL_CALL_ARGS",
  "TOOL_CALL_END",
  "TOOL_CALL_RESULT",
  "TEXT_MESSAGE_START",
  "TEXT_MESSAGE_CONTENT",
  "TEXT_MESSAGE_CONTENT",
  "TEXT_MESSAGE_CONTENT",
  "TEXT_MESSAGE_CONTENT",
  "TEXT_MESSAGE_END",
  "RUN_FINISHED",
];

describe("an AG-UI agent like the SDK's AGUIApp (SSE-framed events over /ws), behind forward", () => {
  let stack: Stack | undefined;
  beforeAll(async () => (stack = await startStack("agui_agent.py")), 60_000);
  afterAll(() => stopStack(stack));

  it("relays each run's frames unchanged, then the agent's 1000; the next run reopens", async () => {
    if (!stack) throw new Error("no stack");
    const connection = connectionTo(stack.emulator, rawAgUi);
    const frames: string[][] = [[], []];
    let run = 0;
    connection.onEvent((event: AgentEvent) => {
      if (event.type === "custom") frames[run]?.push(String(event.value));
    });
    const emulator = stack.emulator;
    /** The agent closed stream `n` and the connection rests idle. */
    const agentClosed = async (n: number) => {
      await emulator.waitForEvent((event) => event.type === "close" && event.connectionId === n);
      await new Promise<void>((resolve) => {
        const check = () => {
          const snapshot = connection.getSnapshot();
          if (snapshot.status !== "idle" || snapshot.reason !== "agent-closed") return;
          unsubscribe();
          resolve();
        };
        const unsubscribe = connection.subscribe(check);
        check();
      });
    };
    try {
      connection.connect();
      connection.send("weather in Paris?");
      await agentClosed(1);
      run = 1;
      connection.send("and tomorrow?");
      await agentClosed(2);
    } finally {
      connection.close();
    }
    const session = stack.emulator.sessions.get(connection.sessionId);
    expect(session?.sent.map((entry) => entry.data)).toEqual([...frames[0]!, ...frames[1]!]);
    for (const [index, runFrames] of frames.entries()) {
      expect(runFrames.some((frame) => frame.split("\n\n").length > 2)).toBe(true);
      const events = sseEvents(runFrames);
      expect(events.map((event) => event["type"])).toEqual(RUN_EVENTS);
      expect(events[0]).toMatchObject({ threadId: connection.sessionId });
      const text = events
        .filter((event) => event["type"] === "TEXT_MESSAGE_CONTENT")
        .map((event) => event["delta"])
        .join("");
      const question = index === 0 ? "weather in Paris?" : "and tomorrow?";
      expect(text).toBe(`You asked: ${question}. It is sunny.`);
    }
    await expectHeadersSeen(stack.agent, connection.sessionId);
    await expectAgentClosedTwice(stack.emulator);
  }, 60_000);
});

describe("a client tool's result, round-tripped to the AG-UI agent, behind forward", () => {
  let stack: Stack | undefined;
  beforeAll(async () => (stack = await startStack("agui_agent.py")), 60_000);
  afterAll(() => stopStack(stack));

  it("runs the tool in the client, sends its result as the next run, and shows the answer made with it", async () => {
    if (!stack) throw new Error("no stack");
    const connection = connectionTo(stack.emulator, agUiCodec);
    const conversation = new Conversation({ connection });
    const runner = new ToolRunner(conversation);
    const calls: unknown[] = [];
    // The tool settles once the agent has closed the run's stream, as one that asks the user
    // (a location prompt) would: an AGUIApp-style agent reads one RunAgentInput per stream,
    // so the result has to go out on the next one, which the reply opens.
    const firstStreamClosed = () =>
      stateWhere(
        conversation,
        (s) => s.connection.status === "idle" && s.connection.reason === "agent-closed",
        "the agent's close after the tool call",
      );
    runner.options = {
      tools: {
        get_location: async (args) => {
          calls.push(args);
          await firstStreamClosed();
          return { city: "Lisbon" };
        },
      },
    };
    const unsubscribe = conversation.subscribe(() => undefined);
    const stopRunner = runner.start();
    try {
      connection.connect();
      conversation.send("where am I?");
      // The agent closes after each run: the tool call's run, then the run the reply opens.
      await stack.emulator.waitForEvent((e) => e.type === "close" && e.connectionId === 2);
      const state = await stateWhere(
        conversation,
        (s) => answeredAndIdle(2)(s) && s.messages.some((m) => m.text.startsWith("get_location")),
        "the answer made with the tool's result",
      );
      expect(calls).toEqual([{ precise: true }]);
      const call = state.messages.flatMap((m) => m.parts).find((p) => p.type === "tool-call");
      expect(call).toMatchObject({
        name: "get_location",
        status: "complete",
        result: '{"city":"Lisbon"}',
      });
      const answer = state.messages.find((m) => m.text.startsWith("get_location"));
      expect(answer).toMatchObject({
        role: "assistant",
        status: "complete",
        text: 'get_location returned {"city":"Lisbon"}.',
      });
      // The agent's sources: the https one is kept, its javascript: one dropped.
      expect(answer?.parts.find((p) => p.type === "sources")).toEqual({
        type: "sources",
        sources: [{ id: "1", url: "https://maps.example.com/lisbon", title: "Lisbon on the map" }],
      });
      // What went over the wire: the second run carried the result as a tool message.
      const session = stack.emulator.sessions.get(connection.sessionId);
      const reply = JSON.parse(String(session?.received[1]?.data)) as Record<string, unknown>;
      expect(reply["messages"]).toEqual([
        {
          id: `result-${call?.type === "tool-call" ? call.toolCallId : ""}`,
          role: "tool",
          toolCallId: call?.type === "tool-call" ? call.toolCallId : "",
          content: '{"city":"Lisbon"}',
        },
      ]);
    } finally {
      stopRunner();
      unsubscribe();
      connection.close();
    }
  }, 60_000);
});
