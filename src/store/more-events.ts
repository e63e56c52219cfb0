import type { AgentEvent } from "../codecs/types";
import { applyActivity, applyActivityDelta } from "./activity";
import type { MessageRecords } from "./message-records";
import { applyMessagesSnapshot } from "./messages-snapshot";
import type { Reasoning } from "./reasoning";
import type { ToolCalls } from "./tool-calls";

/** What the conversation model lends to the events of this file. */
export interface MoreEventsContext {
  records: MessageRecords;
  reasoning: Reasoning;
  toolCalls: ToolCalls;
  /** Messages the agent started explicitly and has not ended yet. */
  open: Set<string>;
  /** True after `stop()`, until the next turn: leftovers open no message. */
  droppingLeftovers(): boolean;
  /** Id-less text no longer goes to the message it went to. */
  forgetCurrent(): void;
}

/**
 * The conversation model's handling of reasoning, messages snapshots and activities (state
 * and custom events carry no message content).
 */
export function applyMoreEvent(context: MoreEventsContext, event: AgentEvent): void {
  const { records, reasoning, open } = context;
  switch (event.type) {
    case "reasoning-start":
      if (context.droppingLeftovers()) return;
      open.add(event.messageId);
      return reasoning.start(event.messageId);
    case "reasoning-delta":
      return reasoning.delta(event.messageId, event.delta);
    case "reasoning-end":
      open.delete(event.messageId);
      return reasoning.end(event.messageId);
    case "messages-snapshot":
      context.forgetCurrent();
      return applyMessagesSnapshot(
        {
          records,
          // A user message not sent yet is unknown to the agent; versions not shown are the client's.
          keep: (record) =>
            (record.role === "user" && record.status !== "complete") || !records.isShown(record),
          toolCall: (toolCallId, ownerId) => context.toolCalls.register(toolCallId, ownerId),
        },
        event.messages,
      );
    case "activity":
      return applyActivity(records, event);
    case "activity-delta":
      return applyActivityDelta(records, event);
  }
}
