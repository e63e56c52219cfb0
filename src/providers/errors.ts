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
  /** Where the provider asked for the URL (e.g. a backend's path, without its query), if anywhere. */
  readonly endpoint: string | undefined;

  constructor(
    message: string,
    options: { code: string; status?: number; cause?: unknown; endpoint?: string },
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.status = options.status;
    this.endpoint = options.endpoint;
  }

  /** This error, saying where the provider asked (a new error; the message stays). */
  at(endpoint: string): AgentRuntimeProviderError {
    const { code, status } = this;
    const cause: unknown = this.cause;
    return new AgentRuntimeProviderError(this.message, { code, status, cause, endpoint });
  }
}
