import type { AgentEvent } from "../codecs/types";
import type { OutboxStatus } from "../connection/types";
import type { ChatMessageStatus } from "./types";

/**
 * Whether the store publishes `event` at once instead of on the next frame: a message or run
 * ended, or an error arrived.
 */
export function isUrgent(event: AgentEvent): boolean {
  const { type } = event;
  return (
    type === "message-end" ||
    type === "run-finished" ||
    type === "error" ||
    type === "resume-unavailable"
  );
}

/** The status of a user message, from its outbox entry's. */
export const OUTBOX_TO_MESSAGE_STATUS: Record<OutboxStatus, ChatMessageStatus> = {
  queued: "pending",
  sent: "complete",
  failed: "error",
};

/** The message a failed send shows when the connection gave no error. */
export const UNSENT_MESSAGE = "The message could not be sent.";

/** Shown on an answer that was streaming when the page went away and cannot be replayed. */
export const RELOADED_ANSWER = "The page was reloaded before the answer finished.";
