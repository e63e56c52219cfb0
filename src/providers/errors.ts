/**
 * A URL provider could not produce a usable connection: the backend refused or answered
 * something invalid, the network failed, or credentials could not be refreshed. The
 * connection treats it as retryable.
 */
export class AgentRuntimeProviderError extends Error {
  override readonly name: string = "AgentRuntimeProviderError";
  /** The HTTP status of the answer that caused it, where there was one. */
  readonly status: number | undefined;
  /** A short machine-readable reason, e.g. `http-status`, `invalid-response`, `timeout`. */
  readonly code: string;

  constructor(message: string, options: { code: string; status?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
  }
}
