import { AgentRuntimeValidationError } from "../core/errors";
import { invalidOption, isRecord } from "../core/option-checks";
import type { Presigner } from "../providers/credentials-url-provider";
import type { RuntimeTargetOptions } from "./options";
import { PresignRefusal } from "./refusal";

/** A runtime the handler may sign for, under the name clients use for it. */
export interface RegisteredRuntime extends RuntimeTargetOptions {
  /** The alias, or the ARN itself for a handler with a single `runtimeArn`. */
  name: string;
  /** Signs URLs for this runtime; built at creation, so its options are checked then. */
  presign: Presigner;
}

/** Looks up the runtime a request names. */
export type RuntimeRegistry = (requested: string | undefined) => RegisteredRuntime;

/** Builds the presigner of one runtime (and checks its ARN and endpoint name). */
export type PresignerFactory = (target: RuntimeTargetOptions) => Presigner;

/** The options of `createPresignHandler` that say which runtimes it serves. */
export interface RuntimeRegistryOptions {
  runtimeArn?: string;
  endpointName?: string;
  runtimes?: Readonly<Record<string, string | RuntimeTargetOptions>>;
}

/**
 * Builds the lookup from `runtimeArn` (clients name no runtime) or `runtimes` (clients must
 * name an alias; anything else, an ARN included, is refused). Every runtime's presigner is
 * built now, so a bad ARN fails at creation.
 *
 * @throws {AgentRuntimeValidationError} for both or neither of `runtimeArn` and `runtimes`, a
 *   `runtimes` that is not an object, an empty alias or map, or a bad ARN.
 */
export function createRuntimeRegistry(
  options: RuntimeRegistryOptions,
  presignerFor: PresignerFactory,
): RuntimeRegistry {
  const { runtimeArn, runtimes } = options;
  if (runtimeArn !== undefined && runtimes === undefined) {
    const target = { runtimeArn, endpointName: options.endpointName };
    return singleRuntime({ name: runtimeArn, ...target, presign: presignerFor(target) });
  }
  if (runtimes !== undefined && runtimeArn === undefined) {
    return aliasedRuntimes(registerAliases(runtimes, presignerFor));
  }
  throw new AgentRuntimeValidationError(
    "createPresignHandler needs exactly one of runtimeArn or runtimes",
  );
}

/** A handler for one runtime: clients name none. */
function singleRuntime(only: RegisteredRuntime): RuntimeRegistry {
  return (requested) => {
    if (requested !== undefined) {
      throw new PresignRefusal(
        400,
        "unknown-runtime",
        "This endpoint serves one runtime: send no runtime",
      );
    }
    return only;
  };
}

/** Checks the `runtimes` map and builds a runtime (with its presigner) per alias. */
function registerAliases(
  runtimes: Readonly<Record<string, string | RuntimeTargetOptions>>,
  presignerFor: PresignerFactory,
): Map<string, RegisteredRuntime> {
  if (!isRecord(runtimes)) {
    throw invalidOption(
      "createPresignHandler runtimes",
      "an object of alias -> runtime ARN or { runtimeArn, endpointName }",
      runtimes,
    );
  }
  const byAlias = new Map<string, RegisteredRuntime>();
  for (const [alias, given] of Object.entries(runtimes)) {
    if (alias === "") throw new AgentRuntimeValidationError("Runtime aliases cannot be empty");
    const target = runtimeTarget(alias, given);
    byAlias.set(alias, { name: alias, ...target, presign: presignerFor(target) });
  }
  if (byAlias.size === 0) {
    throw new AgentRuntimeValidationError("createPresignHandler runtimes needs at least one alias");
  }
  return byAlias;
}

function runtimeTarget(alias: string, given: unknown): RuntimeTargetOptions {
  if (typeof given === "string") return { runtimeArn: given };
  if (isRecord(given)) {
    const { runtimeArn, endpointName } = given;
    if (
      typeof runtimeArn === "string" &&
      (endpointName === undefined || typeof endpointName === "string")
    ) {
      return { runtimeArn, endpointName };
    }
  }
  throw invalidOption(
    `createPresignHandler runtimes.${alias}`,
    "a runtime ARN or { runtimeArn: string, endpointName?: string }",
    given,
  );
}

/** A handler for several runtimes: clients name one by its alias, never by ARN. */
function aliasedRuntimes(byAlias: Map<string, RegisteredRuntime>): RuntimeRegistry {
  return (requested) => {
    if (requested === undefined) {
      throw new PresignRefusal(400, "unknown-runtime", "Name a runtime alias in the runtime field");
    }
    const runtime = byAlias.get(requested);
    if (runtime) return runtime;
    if (requested.startsWith("arn:")) {
      throw new PresignRefusal(400, "unknown-runtime", "Name a runtime alias, not an ARN");
    }
    throw new PresignRefusal(400, "unknown-runtime", "Unknown runtime alias");
  };
}
