import type { ChatMessage } from "./types";

/**
 * Per-array caches behind the selectors. Keyed by the (immutable) messages array, so any
 * number of stores share them and nothing leaks when an array is dropped.
 */
const idsByMessages = new WeakMap<readonly ChatMessage[], readonly string[]>();
const byIdByMessages = new WeakMap<readonly ChatMessage[], ReadonlyMap<string, ChatMessage>>();

/** The ids of `messages` in order; the same array for the same `messages` array. */
export function messageIdsOf(messages: readonly ChatMessage[]): readonly string[] {
  let ids = idsByMessages.get(messages);
  if (!ids) {
    ids = messages.map((message) => message.id);
    idsByMessages.set(messages, ids);
  }
  return ids;
}

/**
 * Records that `next` holds the same ids in the same order as `previous`, so `messageIdsOf(next)`
 * returns the very array `messageIdsOf(previous)` did. The store calls this when it publishes a
 * new array whose order did not change (a message grew, none was added).
 */
export function carryMessageIds(
  previous: readonly ChatMessage[],
  next: readonly ChatMessage[],
): void {
  idsByMessages.set(next, messageIdsOf(previous));
}

/** Looks a message up by id in O(1) after one O(n) pass per messages array. */
export function messageById(messages: readonly ChatMessage[], id: string): ChatMessage | undefined {
  let byId = byIdByMessages.get(messages);
  if (!byId) {
    byId = new Map(messages.map((message) => [message.id, message]));
    byIdByMessages.set(messages, byId);
  }
  return byId.get(id);
}
