/**
 * A store to read and watch: the shape zustand's vanilla stores have, so a conversation works
 * with zustand's own `useStore` as well as with this library's hooks.
 */
export interface ReadableStore<State> {
  /** The current state: the same object until something changes. */
  getState(): State;
  /** Calls `listener` after every change with the new and the previous state. */
  subscribe(listener: (state: State, previous: State) => void): () => void;
  /** The state a server renders (before anything happened). Optional for custom stores. */
  getInitialState?(): State;
}
