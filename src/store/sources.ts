import { MAX_SOURCES } from "../codecs/sources";
import type { AgentEvent } from "../codecs/types";
import type { MessageRecord } from "./message-record";
import type { MessageRecords } from "./message-records";

/**
 * Adds the sources of a `sources` event to the message's `sources` part (one per message,
 * created at the end of its parts): a URL already listed keeps its place and takes the new
 * title and snippet, and the part keeps the first {@link MAX_SOURCES}.
 *
 * The message is the one named, else the answer of the turn (the last message shown, when it
 * is an agent's). `open` gives the streaming message for sources that come before their
 * answer (the one named, or the answer the turn's text then goes to), or `null` when none may
 * open (after the user stopped). Sources naming a message that is not an assistant's, or of
 * a stopped answer, are dropped.
 */
export function applySources(
  records: MessageRecords,
  { messageId, sources }: Extract<AgentEvent, { type: "sources" }>,
  open: (messageId: string | undefined) => MessageRecord | null,
): void {
  const known =
    messageId === undefined
      ? records.findLast(({ role }) => role === "user" || role === "assistant")
      : records.get(messageId);
  const record = known && (messageId || known.role !== "user") ? known : open(messageId);
  if (record?.role !== "assistant" || record.status === "stopped") return;
  const { parts } = record;
  const found = parts.findIndex((part) => part.type === "sources");
  const index = found < 0 ? parts.length : found;
  const part = parts[index];
  const listed = part?.type === "sources" ? part.sources : [];
  // One entry per URL, where it was first listed; a source sent again updates it.
  const byUrl = new Map([...listed, ...sources].map((source) => [source.url, source]));
  parts[index] = { type: "sources", sources: [...byUrl.values()].slice(0, MAX_SOURCES) };
  records.touch(record);
}
