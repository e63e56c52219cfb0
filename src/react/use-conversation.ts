"use client";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import type { ReadableConversationStore } from "../store/conversation-store";
import type { ConversationState } from "../store/types";

const selectState = (state: ConversationState): ConversationState => state;

/**
 * Subscribes a component to a slice of a conversation store. The component re-renders only
 * when the selected value changes (by `equalityFn`, default `Object.is`), so a message row that
 * selects its own message with `selectMessageById(id)` skips every publish that leaves it alone.
 *
 * @example
 * ```tsx
 * const ids = useConversation(store, selectMessageIds);
 * const message = useConversation(store, selectMessageById(id));
 * const status = useConversation(store, selectStatus);
 * ```
 */
export function useConversation(store: ReadableConversationStore): ConversationState;
export function useConversation<T>(
  store: ReadableConversationStore,
  selector: (state: ConversationState) => T,
  equalityFn?: (previous: T, next: T) => boolean,
): T;
export function useConversation<T>(
  store: ReadableConversationStore,
  selector: (state: ConversationState) => T = selectState as (state: ConversationState) => T,
  equalityFn: (previous: T, next: T) => boolean = Object.is,
): T {
  // The last selection React rendered: an equal new selection returns it, keeping its identity.
  const rendered = useRef<{ value: T } | null>(null);
  const getSelection = useMemo(() => {
    let memo: { state: ConversationState; selection: T } | null = null;
    return (): T => {
      const state = store.getState();
      if (memo && memo.state === state) return memo.selection;
      let selection = selector(state);
      const previous = rendered.current;
      if (previous && equalityFn(previous.value, selection)) selection = previous.value;
      memo = { state, selection };
      return selection;
    };
  }, [store, selector, equalityFn]);
  const value = useSyncExternalStore(store.subscribe, getSelection, getSelection);
  useEffect(() => {
    rendered.current = { value };
  }, [value]);
  return value;
}
