import { useRef } from "react";

/** Whether two objects hold the same keys with the same values. */
export function sameEntries(a: object, b: object): boolean {
  return (
    Object.keys(a).length === Object.keys(b).length &&
    Object.entries(a).every(([key, value]) => Object.is(Reflect.get(b, key), value))
  );
}

/** Keeps the previous object while every value in it stays the same (props given inline). */
export function useShallowStable<T extends object>(value: T | undefined): T | undefined {
  const ref = useRef(value);
  const previous = ref.current;
  const same = previous === value || (!!previous && !!value && sameEntries(value, previous));
  if (!same) ref.current = value;
  return ref.current;
}
