import type { ChatMessage, ChatMessageStatus, ChatRole, MessagePart, ToolCallPart } from "./types";

/** The mutable working copy of one message; published as an immutable `ChatMessage`. */
export interface MessageRecord {
  readonly id: string;
  readonly role: ChatRole;
  readonly createdAt: number;
  status: ChatMessageStatus;
  error: string | undefined;
  parts: MessagePart[];
  /** The object last published for this record, or `null` when the record changed since. */
  published: ChatMessage | null;
}

export function isRunningTool(part: MessagePart): part is ToolCallPart {
  return part.type === "tool-call" && part.status === "running";
}

export function toChatMessage(record: MessageRecord): ChatMessage {
  const parts = record.parts.slice();
  const message: ChatMessage = {
    id: record.id,
    role: record.role,
    text: parts.map((part) => (part.type === "text" ? part.text : "")).join(""),
    parts,
    status: record.status,
    createdAt: record.createdAt,
  };
  if (record.error !== undefined) message.error = record.error;
  return message;
}

/** Appends streamed text to the record's last text part, or starts one. */
export function appendText(record: MessageRecord, delta: string): void {
  const last = record.parts[record.parts.length - 1];
  if (last?.type === "text") {
    record.parts[record.parts.length - 1] = { type: "text", text: last.text + delta };
  } else {
    record.parts.push({ type: "text", text: delta });
  }
}
