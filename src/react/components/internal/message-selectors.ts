import type { ChatMessage, ConversationState } from "../../../store/types";

/** The ids of the last `count` messages: work per update is O(count), not O(thread length). */
export function selectLastMessageIds(state: ConversationState<unknown>, count: number): string[] {
  const { messages } = state;
  const start = Math.max(0, messages.length - count);
  const ids: string[] = [];
  for (let i = start; i < messages.length; i++) ids.push(messages[i]!.id);
  return ids;
}

/**
 * One message by id. `indexHint` (where the list last saw it) makes the lookup O(1); a
 * search from the end covers the rare case of messages having moved.
 */
export function selectMessageAt(
  state: ConversationState<unknown>,
  id: string,
  indexHint: number,
): ChatMessage | undefined {
  const { messages } = state;
  const hinted = messages[indexHint];
  if (hinted?.id === id) return hinted;
  for (let i = messages.length - 1; i >= 0; i--) if (messages[i]!.id === id) return messages[i];
  return undefined;
}
