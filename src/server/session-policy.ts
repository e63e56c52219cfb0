import { isValidSessionId } from "../core/session-id";
import { invalidOption } from "../core/option-checks";
import type { PresignHandlerOptions, SessionIdPolicy } from "./options";
import { PresignRefusal } from "./refusal";
import { createSessionBinder } from "./session-binding";
import { sessionSecretBytes } from "./session-secrets";

/** Turns the id a client asked for (if any) into the id to sign for `principal`. */
export type SessionPolicy = (requestedId: string | undefined, principal: string) => Promise<string>;

/**
 * The handler's session policy: `"bound"` (the default) binds ids to principals with the
 * `sessionSecret` HMAC keys; a function is the app's own policy, whose answers are checked.
 *
 * @throws {AgentRuntimeValidationError} for a `sessionIds` that is neither, or an unusable
 *   `sessionSecret`: it is checked even under an app policy, which does not use it, so a
 *   mistake there never goes unnoticed.
 */
export function resolveSessionPolicy(
  options: Pick<PresignHandlerOptions, "sessionIds" | "sessionSecret">,
): SessionPolicy {
  const policy = options.sessionIds ?? "bound";
  if (policy === "bound") {
    const binder = createSessionBinder(options.sessionSecret);
    return (requestedId, principal) => binder.resolve(requestedId, principal);
  }
  if (typeof policy !== "function") {
    throw invalidOption(
      "sessionIds",
      '"bound" or a function (requestedId, principal) => id | null',
      policy,
    );
  }
  if (options.sessionSecret !== undefined) sessionSecretBytes(options.sessionSecret);
  return appPolicy(policy);
}

function appPolicy(policy: SessionIdPolicy): SessionPolicy {
  return async (requestedId, principal) => {
    const id = await policy(requestedId, principal);
    if (id === null) {
      throw new PresignRefusal(403, "session-forbidden", "This session is not yours to use");
    }
    if (!isValidSessionId(id)) {
      throw new Error(
        "The sessionIds policy returned an id that is not 33-256 visible ASCII characters",
      );
    }
    return id;
  };
}
