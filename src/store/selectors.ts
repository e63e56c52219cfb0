import { messageById, messageIdsOf } from "./message-index";
import type { ChatMessage, ConversationState } from "./types";
import type { ConnectionStatus } from "../connection/types";

/**
 * The ids of all messages, in order. The array keeps its identity for as long as no message is
 * added or removed, so a list that renders rows by id re-renders only when the list changes.
 */
export function selectMessageIds(state: ConversationState<unknown>): readonly string[] {
  return messageIdsOf(state.messages);
}

/**
 * A selector for one message. It returns the same object until that message changes, so a row
 * subscribed through it re-renders only for its own message. Lookups are O(1).
 */
export function selectMessageById(
  id: string,
): (state: ConversationState<unknown>) => ChatMessage | undefined {
  return (state) => messageById(state.messages, id);
}

/** All messages (a new array whenever any message changes). */
export function selectMessages(state: ConversationState<unknown>): readonly ChatMessage[] {
  return state.messages;
}

/** The connection's status: `idle | connecting | open | reconnecting | closed | failed`. */
export function selectStatus(state: ConversationState<unknown>): ConnectionStatus {
  return state.connection.status;
}

/** True while an answer is in progress. */
export function selectIsStreaming(state: ConversationState<unknown>): boolean {
  return state.isStreaming;
}

/** The last error worth showing, or `null`. */
export function selectLastError(state: ConversationState<unknown>): Error | null {
  return state.error;
}

/** The runtime session id of the conversation. */
export function selectSessionId(state: ConversationState<unknown>): string {
  return state.connection.sessionId;
}
