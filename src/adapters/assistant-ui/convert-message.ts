import type { AppendMessage, MessageStatus, ThreadMessageLike } from "@assistant-ui/react";
import type { ChatMessage, MessagePart, ToolCallPart } from "../../store/types";

type AssistantPart = Exclude<ThreadMessageLike["content"], string>[number];

const RUNNING: MessageStatus = { type: "running" };
const COMPLETE: MessageStatus = { type: "complete", reason: "stop" };
const CANCELLED: MessageStatus = { type: "incomplete", reason: "cancelled" };
const TRUNCATED: MessageStatus = { type: "incomplete", reason: "length" };

/** The roles assistant-ui's thread shows; AG-UI `developer` and `activity` messages stay out. */
export function isThreadMessage(message: ChatMessage): boolean {
  return message.role === "user" || message.role === "assistant" || message.role === "system";
}

/**
 * An answer's status as assistant-ui reads it: `running` while it streams, `complete`, or
 * `incomplete` with why: `cancelled` (the user stopped it), `error` (the agent failed or the
 * stream broke mid-answer; `error` says why) or `length` (cut at `maxMessageChars`).
 */
export function toMessageStatus(message: ChatMessage): MessageStatus {
  switch (message.status) {
    case "streaming":
      return RUNNING;
    case "stopped":
      return CANCELLED;
    case "error":
      return { type: "incomplete", reason: "error", error: message.error ?? null };
    default:
      return message.truncated ? TRUNCATED : COMPLETE;
  }
}

/** A tool result as the agent sent it: its JSON value when it is JSON, else the text. */
export function parsedResult(result: string | undefined): unknown {
  if (result === undefined) return undefined;
  try {
    return JSON.parse(result);
  } catch {
    return result;
  }
}

function toolCallPart(part: ToolCallPart): AssistantPart {
  const failed = part.status === "failed";
  return {
    type: "tool-call",
    toolCallId: part.toolCallId,
    toolName: part.name,
    // assistant-ui parses the (possibly partial) JSON arguments itself.
    argsText: part.args,
    result: failed ? (part.error ?? part.result) : parsedResult(part.result),
    ...(failed ? { isError: true } : {}),
  };
}

function toParts(part: MessagePart): AssistantPart[] {
  switch (part.type) {
    case "text":
      return [{ type: "text", text: part.text }];
    case "reasoning":
      return [{ type: "reasoning", text: part.text }];
    case "tool-call":
      return [toolCallPart(part)];
    case "sources":
      return part.sources.map((source) => ({
        type: "source",
        sourceType: "url",
        id: source.id ?? source.url,
        url: source.url,
        ...(source.title === undefined ? {} : { title: source.title }),
      }));
    case "activity":
      return [{ type: "data-activity", data: part }];
  }
}

/**
 * One conversation message as assistant-ui's external store takes it (`convertMessage`). A user
 * message's own status (`pending` while queued, `error` when it could not be sent, with why)
 * is in `metadata.custom`, since assistant-ui gives user messages none.
 */
export function toThreadMessage(message: ChatMessage): ThreadMessageLike {
  const common = { id: message.id, createdAt: new Date(message.createdAt) };
  if (message.role !== "assistant") {
    return {
      ...common,
      role: message.role === "system" ? "system" : "user",
      content: message.text,
      metadata: { custom: { status: message.status, error: message.error } },
    };
  }
  return {
    ...common,
    role: "assistant",
    content: message.parts.flatMap(toParts),
    status: toMessageStatus(message),
  };
}

/** The text a composer sent: its text parts, one per line. */
export function appendedText(message: AppendMessage): string {
  return message.content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join("\n");
}
