import { useRef } from "react";

/** Keeps the previous object while every value in it stays the same (props given inline). */
export function useShallowStable<T extends object>(value: T | undefined): T | undefined {
  const ref = useRef(value);
  const previous = ref.current;
  const same =
    previous === value ||
    (!!previous &&
      !!value &&
      Object.keys(previous).length === Object.keys(value).length &&
      Object.entries(value).every(([key, item]) => Object.is(Reflect.get(previous, key), item)));
  if (!same) ref.current = value;
  return ref.current;
}
