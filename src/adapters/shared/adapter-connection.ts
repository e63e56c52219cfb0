import type { ChatInput } from "../../core/attachment-reference";
import { AgentRuntimeConnection } from "../../connection/agent-runtime-connection";
import type { ConnectionOptions, ConversationConnection } from "../../connection/types";

/**
 * An adapter's connection: one the app made (to share it, e.g. for a status line, or to close
 * it), or the options to make one (`urlProvider`, `codec`, `sessionId`, ... as for
 * `new AgentRuntimeConnection`). The codec must take a string message (`textCodec` and
 * `agUiCodec` do).
 */
export type AdapterConnectionOptions =
  { connection: ConversationConnection<unknown> } | ConnectionOptions<ChatInput>;

/** The connection `options` name, or a new one made from them. */
export function adapterConnection(
  options: AdapterConnectionOptions,
): ConversationConnection<unknown> {
  return "connection" in options ? options.connection : new AgentRuntimeConnection(options);
}
