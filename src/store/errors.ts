/** An error the agent reported (an `error` event from the codec), e.g. a failed run. */
export class AgentRuntimeAgentError extends Error {
  override readonly name: string = "AgentRuntimeAgentError";
  /** The agent's or codec's error code, where it gave one. */
  readonly code: string | undefined;
  /** True when the error ended the answer in progress. */
  readonly fatal: boolean;

  constructor(message: string, options: { code?: string; fatal?: boolean } = {}) {
    super(message);
    this.code = options.code;
    this.fatal = options.fatal ?? false;
  }
}

/** Thrown by `send()` on a conversation whose built connection was closed when its last subscriber left. */
export class ConversationReleasedError extends Error {
  override readonly name: string = "ConversationReleasedError";
  constructor() {
    super(
      "This conversation was closed when its owner released it (e.g. its component unmounted).",
    );
  }
}

/**
 * An agent message grew past the store's `maxMessageChars`: what fits was kept, the message is
 * marked `truncated`, and the rest of it (text, tool-call arguments and results) was dropped.
 * Reported once per message.
 */
export class AgentRuntimeMessageTooLongError extends Error {
  override readonly name: string = "AgentRuntimeMessageTooLongError";
  /** The message that was cut. */
  readonly messageId: string;
  /** The cap it reached, in characters (UTF-16 code units). */
  readonly limit: number;

  constructor(messageId: string, limit: number) {
    super(
      `Message ${JSON.stringify(messageId)} is longer than maxMessageChars (${limit} characters); the rest of it was dropped`,
    );
    this.messageId = messageId;
    this.limit = limit;
  }
}

/**
 * The conversation's `persist` key is held by another tab (or another conversation in this
 * one): this conversation neither connects nor writes, so the two cannot corrupt each other.
 */
export class ConversationOpenElsewhereError extends Error {
  override readonly name: string = "ConversationOpenElsewhereError";
  /** The `persist` key that is taken. */
  readonly key: string;

  constructor(key: string) {
    super("This conversation is open in another tab. Close it there, then reload this page.");
    this.key = key;
  }
}

/** Thrown by `send()` while a conversation with `persist` is still being restored. */
export class ConversationRestoringError extends Error {
  override readonly name: string = "ConversationRestoringError";
  constructor() {
    super("This conversation is still being restored; send once it shows its messages.");
  }
}
