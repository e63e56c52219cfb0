/**
 * An `@ag-ui/client` program in its usual shape (an agent, a user message, `runAgent` with a
 * subscriber), whose agent runs on AgentCore Runtime: the construction line is the only change
 * from an `HttpAgent` program. See docs/adapters.md for how to run it against the demo stack:
 *
 *   npm start -- --agent ag-ui
 *   node --conditions=agentcore-react-source --import tsx examples/ag-ui/run-agent.ts "Hello"
 */
import { randomUUID } from "node:crypto";
import { WebSocket } from "ws";
import { backendUrlProvider } from "agentcore-react";
import { AgentCoreAgent, STATUS_EVENT } from "agentcore-react/ag-ui";

const endpoint = process.env["AGENT_URL_ENDPOINT"] ?? "http://127.0.0.1:8788/api/agent-url";

const agent = new AgentCoreAgent({
  // Your backend presigns the runtime's WebSocket URL (the demo's signs in with a header).
  urlProvider: backendUrlProvider({ endpoint, headers: { "x-demo-user": "demo-user" } }),
  WebSocket, // Node 20 has no global WebSocket; leave this out in browsers and Node 22+.
});

agent.addMessage({ id: randomUUID(), role: "user", content: process.argv[2] ?? "Hello!" });

try {
  const { newMessages } = await agent.runAgent(
    {},
    {
      onTextMessageStartEvent: () => void process.stdout.write("assistant: "),
      onTextMessageContentEvent: ({ event }) => void process.stdout.write(event.delta),
      onTextMessageEndEvent: () => void process.stdout.write("\n"),
      onToolCallStartEvent: ({ event }) => void process.stdout.write(`[${event.toolCallName}]\n`),
      onCustomEvent: ({ event }) => {
        if (event.name === STATUS_EVENT) console.warn("connection:", event.value);
      },
      onRunErrorEvent: ({ event }) => console.error(`The run failed: ${event.message}`),
    },
  );
  process.stdout.write(`${newMessages.length} new messages in thread ${agent.threadId}\n`);
} finally {
  agent.close();
}
