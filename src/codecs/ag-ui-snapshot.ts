import { isRecord } from "../core/option-checks";
import {
  contentText,
  malformed,
  optionalRole,
  requireRecord,
  requireString,
  type AgUiObject,
} from "./ag-ui-fields";
import type { SnapshotMessage, SnapshotToolCall } from "./types";

const TYPE = "MESSAGES_SNAPSHOT";

function toolCalls(value: unknown): SnapshotToolCall[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) return malformed(TYPE, "toolCalls");
  return value.map((call: unknown) => {
    if (!isRecord(call)) return malformed(TYPE, "toolCalls");
    const fn = requireRecord({ ...call, type: TYPE }, "function");
    return {
      toolCallId: requireString({ ...call, type: TYPE }, "id"),
      name: requireString({ ...fn, type: TYPE }, "name"),
      args: typeof fn.arguments === "string" ? fn.arguments : "",
    };
  });
}

/** One AG-UI message of a snapshot, in the codec's own shape. */
function snapshotMessage(message: unknown): SnapshotMessage {
  if (!isRecord(message)) return malformed(TYPE, "messages");
  const read: AgUiObject = { ...message, type: TYPE };
  const id = requireString(read, "id");
  const role = requireString(read, "role");
  const text = contentText(message.content, TYPE);
  switch (role) {
    case "tool":
      return { id, role, toolCallId: requireString(read, "toolCallId"), text };
    case "reasoning":
      return { id, role, text };
    case "activity":
      return {
        id,
        role,
        activityType: requireString(read, "activityType"),
        content: requireRecord(read, "content"),
      };
    default: {
      const known = optionalRole(read) ?? malformed(TYPE, "role");
      const calls = toolCalls(message.toolCalls);
      return calls ? { id, role: known, text, toolCalls: calls } : { id, role: known, text };
    }
  }
}

/** The messages of a `MESSAGES_SNAPSHOT`. */
export function snapshotMessages(event: AgUiObject): SnapshotMessage[] {
  const messages = event.messages;
  if (!Array.isArray(messages)) return malformed(TYPE, "messages");
  return messages.map(snapshotMessage);
}
