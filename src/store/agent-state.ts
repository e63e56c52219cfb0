import { applyJsonPatch, JsonPatchError } from "../core/json-patch";
import { AgentRuntimeAgentError } from "./errors";

/**
 * The agent's state as AG-UI shares it: replaced by `state-snapshot`, changed by `state-delta`
 * JSON Patches (applied whole or not at all, to `{}` before any snapshot). Unchanged parts keep
 * their identity.
 */
export class AgentState {
  #value: unknown = undefined;

  get value(): unknown {
    return this.#value;
  }

  snapshot(value: unknown): void {
    this.#value = value;
  }

  /** Applies a patch; returns the error to report when it cannot be applied (state unchanged). */
  delta(patch: readonly unknown[]): AgentRuntimeAgentError | null {
    try {
      this.#value = applyJsonPatch(this.#value ?? {}, patch);
      return null;
    } catch (error) {
      const reason = error instanceof JsonPatchError ? `: ${error.message}` : "";
      return new AgentRuntimeAgentError(
        `The agent sent a state patch that does not apply${reason}`,
        {
          code: "state-patch-failed",
        },
      );
    }
  }
}
