import type { AgentHandler } from "../agent-types";
import { EmulatorOptionsError } from "../options-error";
import { agUiAgent } from "./ag-ui";
import { echoAgent } from "./echo";
import { streamingAgent } from "./streaming";
import { voiceAgent } from "./voice";

/** The built-in agents by name. */
export type BuiltInAgentName = "echo" | "streaming" | "ag-ui" | "voice";

/** An agent by name (with default options) or a handler. */
export type AgentOption = BuiltInAgentName | AgentHandler;

/**
 * The handler for an `agent` option; defaults to `echo`.
 *
 * @throws {EmulatorOptionsError} for an unknown name.
 */
export function resolveAgent(agent: AgentOption | undefined): AgentHandler {
  if (agent === undefined || agent === "echo") return echoAgent();
  if (agent === "streaming") return streamingAgent();
  if (agent === "ag-ui") return agUiAgent();
  if (agent === "voice") return voiceAgent();
  if (typeof agent === "function") return agent;
  throw new EmulatorOptionsError(
    `Unknown agent ${JSON.stringify(agent)}: use "echo", "streaming", "ag-ui", "voice" or a handler`,
  );
}

export { agUiAgent, echoAgent, streamingAgent, voiceAgent };
