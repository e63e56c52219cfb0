/**
 * A ref's shape, written out so it means the same under React 18's and React 19's types
 * (`RefObject` is read-only and nullable in 18, mutable and exact in 19).
 */
export interface MutableRef<T> {
  current: T;
}
