import type { AgentEvent } from "../../codecs/types";

/** The run, message and tool call ids an event names. */
export function eventIds(event: AgentEvent): string[] {
  const ids = [
    "runId" in event ? event.runId : undefined,
    "messageId" in event ? event.messageId : undefined,
    "toolCallId" in event ? event.toolCallId : undefined,
  ];
  return ids.filter((id): id is string => id !== undefined);
}
