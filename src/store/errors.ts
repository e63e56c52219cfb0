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
