import { agUiCodec, Conversation, ToolRunner, type ConversationState } from "../../src/index";
import { connectionTo, startStack, stateWhere, stopStack, type Stack } from "./interop-stack";
import type { AgentInput, AgentRequests } from "./python-agents";

/**
 * A client tool's result must reach the AG-UI agent (test/agents/python/agui_agent.py) however
 * many requests it reads per connection. The tool answers at once, so the result goes out
 * right after the run's RUN_FINISHED, while the agent may still hold the stream: an agent that
 * reads one request per connection (the SDK's `AGUIApp`) then closes (1000) without reading it,
 * and the connection, which had no RUN_STARTED for it, sends it again on the next stream.
 */

const ANSWER = 'get_location returned {"city":"Lisbon"}.';

const answered = (state: ConversationState<unknown>) =>
  !state.isStreaming && state.messages.some((m) => m.text === ANSWER && m.status === "complete");

/** Asks "where am I?" with a client tool that answers at once; what the agent read, in the end. */
async function askWithClientTool(stack: Stack) {
  const connection = connectionTo(stack.emulator, agUiCodec);
  const conversation = new Conversation({ connection });
  const runner = new ToolRunner(conversation);
  const calls: unknown[] = [];
  runner.options = {
    tools: {
      get_location: (args) => {
        calls.push(args);
        return { city: "Lisbon" };
      },
    },
  };
  const unsubscribe = conversation.subscribe(() => undefined);
  const stopRunner = runner.start();
  try {
    connection.connect();
    conversation.send("where am I?");
    await stateWhere(conversation, answered, "the answer made with the tool's result");
    const session = stack.emulator.sessions.get(connection.sessionId);
    const frames = (session?.received ?? []).map((entry) => JSON.parse(String(entry.data)));
    return { calls, frames, inputs: await readInputs(stack) };
  } finally {
    stopRunner();
    unsubscribe();
    connection.close();
  }
}

/** What the agent read: each input's connection and the role of its (one) message. */
async function readInputs(stack: Stack) {
  const inputs: AgentInput[] = await stack.agent.inputs();
  return inputs.map(({ connection, message }) => {
    const input = JSON.parse(message) as { messages: Array<{ role: string }> };
    return { connection, roles: input.messages.map((m) => m.role) };
  });
}

function describeAgent(requests: AgentRequests, title: string, check: (run: Run) => void) {
  describe(title, () => {
    let stack: Stack | undefined;
    beforeAll(async () => (stack = await startStack("agui_agent.py", requests)), 60_000);
    afterAll(() => stopStack(stack));

    it("the agent reads the tool's result exactly once and answers with it", async () => {
      if (!stack) throw new Error("no stack");
      const run = await askWithClientTool(stack);
      expect(run.calls).toEqual([{ precise: true }]);
      check(run);
    }, 60_000);
  });
}

type Run = Awaited<ReturnType<typeof askWithClientTool>>;

const user = { roles: ["user"] };
const result = { roles: ["tool"] };

describeAgent(
  "one",
  "an AGUIApp-style agent: one request per connection, 1000 after the run",
  (run) => {
    // The result reached the agent on the second stream, whether the client sent it into the
    // first one before its close arrived (then again) or only after.
    expect(run.inputs).toEqual([
      { connection: 0, ...user },
      { connection: 1, ...result },
    ]);
  },
);

describeAgent(
  "one-then-ignore",
  "an agent that drops, unread, the frame that arrives after its run, then closes (1000)",
  (run) => {
    expect(run.inputs).toEqual([
      { connection: 0, ...user },
      { connection: 1, ...result },
    ]);
    // The result went into the first stream, which dropped it, and again into the second.
    expect(
      run.frames.map((frame: { messages: Array<{ role: string }> }) => frame.messages[0]?.role),
    ).toEqual(["user", "tool", "tool"]);
  },
);

describeAgent("many", "an agent that reads every request on one connection", (run) => {
  expect(run.inputs).toEqual([
    { connection: 0, ...user },
    { connection: 0, ...result },
  ]);
  // RUN_STARTED acknowledged the result: it was never sent a second time.
  expect(run.frames).toHaveLength(2);
});
