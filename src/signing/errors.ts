import { AgentRuntimeValidationError } from "../core/errors";

/**
 * A region that is not a well-formed AWS region name (the SDK's `InvalidRegionError`).
 * Refusing it keeps a crafted region from pointing the signer at a foreign host.
 */
export class AgentRuntimeInvalidRegionError extends AgentRuntimeValidationError {
  override readonly name: string = "AgentRuntimeInvalidRegionError";
}

/** No usable AWS credentials: the counterpart of the SDK's `RuntimeError("No AWS credentials found")`. */
export class AgentRuntimeCredentialsError extends Error {
  override readonly name: string = "AgentRuntimeCredentialsError";
}
