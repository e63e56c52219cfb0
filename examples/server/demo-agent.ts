import { agUiAgent, streamingAgent, voiceAgent, type AgentOption } from "agentcore-react-emulator";

/** The agents the emulator runs itself. */
export type EmulatorAgentName = "streaming" | "echo" | "ag-ui" | "voice";

/**
 * The agents the demo can run: the emulator's own, or `delivery`, an agent container
 * (examples/delivery-agent) that speaks the delivery protocol, which the emulator forwards to.
 */
export type DemoAgentName = EmulatorAgentName | "delivery";

/** The demo's answer: long enough to stop halfway or cut the connection while it streams. */
export function demoReply(input: string, turn: number): string {
  return (
    `Turn ${turn} of this session. You said: "${input}". ` +
    "I answer in small pieces so you can watch them arrive. While I type, try the panel: " +
    "drop the connection and the conversation carries on in the same session (the turn " +
    "number keeps counting), refuse the next upgrades and watch the backoff, expire every " +
    "URL and see a fresh one used, or press Stop to end this answer for real."
  );
}

/** The emulator agent for a name, paced so a person can watch it stream. */
export function demoAgent(name: EmulatorAgentName): AgentOption {
  if (name === "echo") return "echo";
  // Answers each second and a half of audio it hears with 6 s of tone: long enough to
  // interrupt mid-answer.
  if (name === "voice") return voiceAgent({ replyAfterSamples: 24_000, replyMs: 6_000 });
  if (name === "ag-ui") return agUiAgent({ chunkSize: 8, intervalMs: 40, reply: demoReply });
  return streamingAgent({ chunkSize: 6, intervalMs: 40, reply: demoReply });
}
