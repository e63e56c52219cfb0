import { AgentRuntimeConnection } from "../connection/agent-runtime-connection";
import type { ConnectionOptions } from "../connection/types";

/** The hook's default connection factory. */
export function createAgentRuntimeConnection<Outgoing>(
  options: ConnectionOptions<Outgoing>,
): AgentRuntimeConnection<Outgoing> {
  return new AgentRuntimeConnection(options);
}
