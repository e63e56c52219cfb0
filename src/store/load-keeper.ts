import type { ConversationKeeper } from "./conversation-keeper";
import type { ConversationOpenElsewhereError } from "./errors";
import type { PersistOptions } from "./types";

/**
 * Claims `persist.key` and reads what is kept under it. The keeper's code is loaded with
 * `import()`, so an app's bundler puts it in a chunk that loads only when `persist` is on.
 */
export function loadKeeper<Outgoing>(
  persist: PersistOptions,
): Promise<ConversationKeeper<Outgoing> | ConversationOpenElsewhereError> {
  return import("./conversation-keeper").then(({ openKeeper }) => openKeeper<Outgoing>(persist));
}
