import { replaceParts } from "./message-record";
import type { SnapshotMessage } from "../codecs/types";
import type { MessageRecord } from "./message-record";
import type { MessageRecords } from "./message-records";
import type { ChatRole, MessagePart, ReasoningPart } from "./types";

/** One message as a snapshot describes it. */
interface Draft {
  id: string;
  role: ChatRole;
  parts: MessagePart[];
}

function textParts(text: string): MessagePart[] {
  return text === "" ? [] : [{ type: "text", text }];
}

/**
 * The snapshot's messages as chat messages: tool results go into their tool calls, and
 * reasoning into the assistant message that follows it (before the next user message), as the
 * store does while events stream; reasoning no answer follows is a message of its own.
 */
function drafts(messages: readonly SnapshotMessage[]): Draft[] {
  const results = new Map<string, string>();
  for (const message of messages) {
    if (message.role === "tool") results.set(message.toolCallId, message.text);
  }
  const out: Draft[] = [];
  let reasoning: { id: string; parts: ReasoningPart[] } | null = null;
  const flush = (): void => {
    if (reasoning) out.push({ id: reasoning.id, role: "assistant", parts: reasoning.parts });
    reasoning = null;
  };
  for (const message of messages) {
    if (message.role === "tool") continue;
    if (message.role === "reasoning") {
      const part: ReasoningPart = { type: "reasoning", text: message.text, status: "complete" };
      reasoning ??= { id: message.id, parts: [] };
      reasoning.parts.push(part);
    } else if (message.role === "activity") {
      const { activityType, content } = message;
      out.push({
        id: message.id,
        role: "activity",
        parts: [{ type: "activity", activityType, content }],
      });
    } else if (message.role === "assistant") {
      const calls = (message.toolCalls ?? []).map(({ toolCallId, name, args }): MessagePart => {
        const result = results.get(toolCallId);
        const call: MessagePart = { type: "tool-call", toolCallId, name, args, status: "complete" };
        return result === undefined ? call : { ...call, result };
      });
      const before: MessagePart[] = reasoning?.parts ?? [];
      reasoning = null;
      out.push({
        id: message.id,
        role: "assistant",
        parts: [...before, ...textParts(message.text), ...calls],
      });
    } else {
      if (message.role === "user") flush();
      out.push({ id: message.id, role: message.role, parts: textParts(message.text) });
    }
  }
  flush();
  return out;
}

/** What a snapshot application needs besides the records. */
export interface SnapshotContext {
  records: MessageRecords;
  /** Whether a message the snapshot does not list stays (e.g. a user message not sent yet). */
  keep(record: MessageRecord): boolean;
  /** Called for every tool call the snapshot lists, with the message holding it. */
  toolCall(toolCallId: string, ownerId: string): void;
}

const isReasoning = (part: MessagePart) => part.type === "reasoning";

/**
 * Applies AG-UI `MESSAGES_SNAPSHOT` as `@ag-ui/client` does: listed messages replace the ones
 * with their id (in place) or are appended; messages it does not list are removed, except
 * activities and reasoning when the snapshot lists none of their kind (they are the client's).
 */
export function applyMessagesSnapshot(
  context: SnapshotContext,
  messages: readonly SnapshotMessage[],
): void {
  const { records } = context;
  const listed = new Map(drafts(messages).map((draft) => [draft.id, draft]));
  const hasReasoning = messages.some((message) => message.role === "reasoning");
  const hasActivity = messages.some((message) => message.role === "activity");
  for (const record of [...records.values()]) {
    const draft = listed.get(record.id);
    if (draft) {
      replace(records, record, draft, hasReasoning);
      continue;
    }
    const clientOnly =
      (record.role === "activity" && !hasActivity) ||
      (!hasReasoning && record.parts.length > 0 && record.parts.every(isReasoning));
    if (!clientOnly && !context.keep(record)) records.remove(record.id);
  }
  for (const draft of listed.values()) {
    if (!records.has(draft.id)) records.add(draft.id, draft.role, "complete", draft.parts);
    for (const part of draft.parts) {
      if (part.type === "tool-call") context.toolCall(part.toolCallId, draft.id);
    }
  }
}

function replace(
  records: MessageRecords,
  record: MessageRecord,
  draft: Draft,
  hasReasoning: boolean,
): void {
  const next = record.role === draft.role ? record : records.swap(record, { role: draft.role });
  const kept = hasReasoning ? [] : next.parts.filter(isReasoning);
  // AG-UI messages carry no sources: the ones the agent sent stay.
  const sources = next.parts.filter((part) => part.type === "sources");
  replaceParts(next, [...kept, ...draft.parts, ...sources]);
  if (next.role !== "user" && next.status !== "streaming") next.status = "complete";
  if (next.status === "complete") next.error = undefined;
  records.touch(next);
}
