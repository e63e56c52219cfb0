import type { BaseEvent, RunAgentInput } from "@ag-ui/client";
import {
  manualOnlineSource,
  recordingWebSocket,
  scriptedProvider,
  settle,
  type MockRuntime,
} from "../../../connection/test-utils/harness";
import { AgentCoreAgent, type AgentCoreAgentConfig } from "../agentcore-agent";

/** An agent on the mock runtime, with a scripted provider and a manual online source. */
export function agentUnderTest(config: Partial<AgentCoreAgentConfig> = {}) {
  const sockets = recordingWebSocket();
  const provider = scriptedProvider();
  const online = manualOnlineSource(true);
  const agent = new AgentCoreAgent({
    urlProvider: provider.provider,
    WebSocket: sockets.WebSocket,
    onlineSource: online.source,
    retry: { random: () => 0.5 },
    ...config,
  });
  return { agent, sockets, provider, online };
}

/** A RunAgentInput with one user message. */
export function runInput(agent: AgentCoreAgent, runId: string, text = "hi"): RunAgentInput {
  return {
    threadId: agent.threadId,
    runId,
    state: {},
    messages: [{ id: `m-${runId}`, role: "user", content: text }],
    tools: [],
    context: [],
    forwardedProps: {},
  };
}

/** What `agent.run(input)` emitted, and whether it completed or errored. */
export function collect(agent: AgentCoreAgent, input: RunAgentInput) {
  const events: BaseEvent[] = [];
  const result = { events, completed: false, error: undefined as unknown };
  const subscription = agent.run(input).subscribe({
    next: (event) => events.push(event),
    complete: () => (result.completed = true),
    error: (error: unknown) => (result.error = error),
  });
  return Object.assign(result, { unsubscribe: () => subscription.unsubscribe() });
}

/** The AG-UI events of a short text run, in order. */
export function textRun(runId: string, pieces: string[], threadId = "t"): BaseEvent[] {
  const messageId = `a-${runId}`;
  return [
    { type: "RUN_STARTED", threadId, runId },
    { type: "TEXT_MESSAGE_START", messageId, role: "assistant" },
    ...pieces.map((delta) => ({ type: "TEXT_MESSAGE_CONTENT", messageId, delta })),
    { type: "TEXT_MESSAGE_END", messageId },
    { type: "RUN_FINISHED", threadId, runId },
  ] as BaseEvent[];
}

/** Sends each event as its own SSE-framed frame, the way `AGUIApp` does, and lets them arrive. */
export async function stream(runtime: MockRuntime, events: BaseEvent[]): Promise<void> {
  for (const event of events) runtime.latest().send(`data: ${JSON.stringify(event)}\n\n`);
  await settle();
}

/** The RunAgentInputs the runtime received, parsed. */
export function receivedInputs(runtime: MockRuntime): RunAgentInput[] {
  return runtime.received.map((frame) => JSON.parse(frame) as RunAgentInput);
}

/** The `message` of a RUN_ERROR event. */
export function messageOf(event: BaseEvent | undefined): string {
  return (event as unknown as { message: string }).message;
}
