/**
 * Bad input: an invalid option, argument or value handed to any part of the library. The
 * TypeScript counterpart of the Python SDK's `ValueError`; messages that the SDK defines are
 * reproduced word for word by the signing API.
 */
export class AgentRuntimeValidationError extends Error {
  override readonly name: string = "AgentRuntimeValidationError";
}

/** `thrown` as an `Error`: itself when it is one, else an `Error` with its text. */
export function toError(thrown: unknown): Error {
  return thrown instanceof Error ? thrown : new Error(String(thrown));
}
