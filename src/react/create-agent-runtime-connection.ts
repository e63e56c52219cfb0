import type { ConnectionOptions } from "../connection/types";
import type { ConversationConnection } from "../store/conversation-connection";

/**
 * The hook's default connection factory. TEMPORARY until `AgentRuntimeConnection` lands on
 * main (feat/connection): replaced by `new AgentRuntimeConnection(options)`.
 */
export function createAgentRuntimeConnection<Outgoing>(
  _options: ConnectionOptions<Outgoing>,
): ConversationConnection<Outgoing> {
  throw new Error("AgentRuntimeConnection has not landed yet; pass createConnection.");
}
