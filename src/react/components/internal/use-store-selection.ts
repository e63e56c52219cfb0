"use client";

import { useCallback, useRef, useSyncExternalStore } from "react";
import type { ConversationState } from "../../../store/types";
import type { ConversationStoreReader } from "../types";

interface Cached<T> {
  state: ConversationState;
  selector: (state: ConversationState) => T;
  value: T;
}

/**
 * Subscribes a component to one slice of the conversation. It re-renders only when
 * `isEqual(previous, next)` is false, so a row that selects its own message ignores chunks
 * of every other message.
 */
export function useStoreSelection<T>(
  store: ConversationStoreReader,
  selector: (state: ConversationState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const cache = useRef<Cached<T> | null>(null);
  const subscribe = useCallback((onChange: () => void) => store.subscribe(onChange), [store]);
  const getSnapshot = (): T => {
    const state = store.getState();
    const cached = cache.current;
    if (cached && cached.state === state && cached.selector === selector) return cached.value;
    const next = selector(state);
    const value = cached && isEqual(cached.value, next) ? cached.value : next;
    cache.current = { state, selector, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** Equal when both arrays hold the same items in the same order. */
export function shallowArrayEqual<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
