import type { AttachmentReference } from "../core/attachment-reference";
import type { Lane } from "./branches";
import type {
  ChatMessage,
  ChatMessageStatus,
  ChatRole,
  MessageBranch,
  MessagePart,
  ToolCallPart,
} from "./types";

/** The mutable working copy of one message; published as an immutable `ChatMessage`. */
export interface MessageRecord {
  readonly id: string;
  readonly role: ChatRole;
  readonly createdAt: number;
  status: ChatMessageStatus;
  error: string | undefined;
  parts: MessagePart[];
  /** Its text parts joined, kept up to date as text arrives: publishing never re-joins them. */
  text: string;
  /** Characters the message holds: its text, and its tool calls' arguments and results. */
  chars: number;
  /** Content arrived beyond the store's `maxMessageChars` and was dropped. */
  truncated: boolean;
  /** The object last published for this record, or `null` when the record changed since. */
  published: ChatMessage | null;
  /** The version of the conversation (branch) it belongs to. */
  lane: Lane;
  /** A user message's attachments, when it has some. */
  attachments?: readonly AttachmentReference[];
}

export function isRunningTool(part: MessagePart): part is ToolCallPart {
  return part.type === "tool-call" && part.status === "running";
}

/** The agent messages among `records` still streaming. */
export function* streamingAgentMessages(
  records: Iterable<MessageRecord>,
): Generator<MessageRecord> {
  for (const record of records) {
    if (record.role !== "user" && record.status === "streaming") yield record;
  }
}

/** Whether an agent message among `records` is still streaming or waits on a running tool. */
export function hasAnswerInProgress(records: Iterable<MessageRecord>): boolean {
  for (const record of records) {
    if (record.role === "user") continue;
    if (record.status === "streaming") return true;
    if (record.status === "complete" && record.parts.some(isRunningTool)) return true;
  }
  return false;
}

/** The text of `parts` joined (once, when a record is created). */
export function joinText(parts: readonly MessagePart[]): string {
  return parts.map((part) => (part.type === "text" ? part.text : "")).join("");
}

/** Replaces a record's parts wholesale (a snapshot), keeping its joined text in step. */
export function replaceParts(record: MessageRecord, parts: MessagePart[]): void {
  record.parts = parts;
  record.text = joinText(parts);
}

/** Publishing costs the number of parts, never the length of the text. */
export function toChatMessage(record: MessageRecord, branch?: MessageBranch): ChatMessage {
  const message: ChatMessage = {
    id: record.id,
    role: record.role,
    text: record.text,
    parts: record.parts.slice(),
    status: record.status,
    createdAt: record.createdAt,
  };
  if (record.error !== undefined) message.error = record.error;
  if (record.truncated) message.truncated = true;
  if (branch) message.branch = branch;
  if (record.attachments !== undefined) message.attachments = record.attachments;
  return message;
}

/**
 * The part of `content` that still fits in the record's budget of `limit` characters, counted
 * against it. Past the budget, the record is marked `truncated` and the rest is dropped; a cut
 * never splits a surrogate pair.
 */
export function fitContent(record: MessageRecord, content: string, limit: number): string {
  const room = limit - record.chars;
  if (content.length <= room) {
    record.chars += content.length;
    return content;
  }
  record.truncated = true;
  if (room <= 0) return "";
  const code = content.charCodeAt(room - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? room - 1 : room;
  record.chars += end;
  return content.slice(0, end);
}

/**
 * Appends streamed text (already fitted) to the record's last text part, or starts one. A
 * `sources` part at the end stays there: the text goes before it, under the answer it lists.
 */
export function appendText(record: MessageRecord, delta: string): void {
  if (delta === "") return;
  const { parts } = record;
  const end = parts[parts.length - 1]?.type === "sources" ? parts.length - 1 : parts.length;
  const last = parts[end - 1];
  if (last?.type === "text") parts[end - 1] = { type: "text", text: last.text + delta };
  else parts.splice(end, 0, { type: "text", text: delta });
  record.text += delta;
}
