"use client";
import { useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import type { ReadableStore } from "../core/readable-store";
import type { ConversationState } from "../store/types";

function selectState<State>(state: State): State {
  return state;
}

/** A selection memoized on the state it was made from, falling back on the last one rendered. */
function memoizedSelection<State, T>(
  read: () => State,
  selector: (state: State) => T,
  isEqual: (previous: T, next: T) => boolean,
  rendered: { readonly current: { value: T } | null },
): () => T {
  let memo: { state: State; value: T } | null = null;
  return () => {
    const state = read();
    if (memo && memo.state === state) return memo.value;
    let value = selector(state);
    const anchor = memo ?? rendered.current;
    if (anchor && isEqual(anchor.value, value)) value = anchor.value;
    memo = { state, value };
    return value;
  };
}

/**
 * Subscribes a component to a slice of a conversation: the selector hook every `<AgentChat>`
 * part uses (`useAgentRuntimeSocket` reads the whole state). The component re-renders only when
 * the selected value changes (by `isEqual`, default `Object.is`), so a message row that selects
 * its own message with `selectMessageById(id)` skips every publish that leaves it alone.
 *
 * Works with any store of this shape, including one you build yourself or a zustand store.
 *
 * @example
 * ```tsx
 * const ids = useConversation(store, selectMessageIds);
 * const message = useConversation(store, selectMessageById(id));
 * const status = useConversation(store, selectStatus);
 * ```
 */
export function useConversation<Outgoing = string>(
  store: ReadableStore<ConversationState<Outgoing>>,
): ConversationState<Outgoing>;
export function useConversation<Outgoing, T>(
  store: ReadableStore<ConversationState<Outgoing>>,
  selector: (state: ConversationState<Outgoing>) => T,
  isEqual?: (previous: T, next: T) => boolean,
): T;
export function useConversation<Outgoing>(
  store: ReadableStore<ConversationState<Outgoing>>,
  selector: (state: ConversationState<Outgoing>) => unknown = selectState,
  isEqual: (previous: unknown, next: unknown) => boolean = Object.is,
): unknown {
  const rendered = useRef<{ value: unknown } | null>(null);
  const [getSelection, getServerSelection] = useMemo(() => {
    const initial = (): ConversationState<Outgoing> =>
      store.getInitialState?.() ?? store.getState();
    return [
      memoizedSelection(() => store.getState(), selector, isEqual, rendered),
      memoizedSelection(initial, selector, isEqual, rendered),
    ];
  }, [store, selector, isEqual]);
  const value = useSyncExternalStore(store.subscribe, getSelection, getServerSelection);
  useEffect(() => {
    rendered.current = { value };
  }, [value]);
  return value;
}
