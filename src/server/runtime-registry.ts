import { parseRuntimeArn } from "../signing/arn";
import type { RuntimeTargetOptions } from "./options";
import { PresignRefusal } from "./refusal";

/** A runtime the handler may sign for, under the name clients use for it. */
export interface RegisteredRuntime extends RuntimeTargetOptions {
  /** The alias, or the ARN itself for a handler with a single `runtimeArn`. */
  name: string;
}

/** Looks up the runtime a request names. */
export type RuntimeRegistry = (requested: string | undefined) => RegisteredRuntime;

/**
 * Builds the lookup from `runtimeArn` (clients name no runtime) or `runtimes` (clients must
 * name an alias; anything else, an ARN included, is refused). ARNs are checked now.
 */
export function createRuntimeRegistry(options: {
  runtimeArn?: string;
  endpointName?: string;
  runtimes?: Readonly<Record<string, string | RuntimeTargetOptions>>;
}): { lookup: RuntimeRegistry; all: RegisteredRuntime[] } {
  if ((options.runtimeArn === undefined) === (options.runtimes === undefined)) {
    throw new TypeError("createPresignHandler needs exactly one of runtimeArn or runtimes");
  }
  if (options.runtimeArn !== undefined) {
    parseRuntimeArn(options.runtimeArn);
    const only: RegisteredRuntime = {
      name: options.runtimeArn,
      runtimeArn: options.runtimeArn,
      endpointName: options.endpointName,
    };
    return {
      all: [only],
      lookup(requested) {
        if (requested !== undefined) {
          throw new PresignRefusal(
            400,
            "unknown-runtime",
            "This endpoint serves one runtime: send no runtime",
          );
        }
        return only;
      },
    };
  }

  const byAlias = new Map<string, RegisteredRuntime>();
  for (const [alias, target] of Object.entries(options.runtimes ?? {})) {
    const spec = typeof target === "string" ? { runtimeArn: target } : target;
    if (alias === "") throw new TypeError("Runtime aliases cannot be empty");
    parseRuntimeArn(spec.runtimeArn);
    byAlias.set(alias, {
      name: alias,
      runtimeArn: spec.runtimeArn,
      endpointName: spec.endpointName,
    });
  }
  if (byAlias.size === 0)
    throw new TypeError("createPresignHandler runtimes needs at least one alias");
  return {
    all: [...byAlias.values()],
    lookup(requested) {
      if (requested === undefined) {
        throw new PresignRefusal(
          400,
          "unknown-runtime",
          "Name a runtime alias in the runtime field",
        );
      }
      const runtime = byAlias.get(requested);
      if (runtime) return runtime;
      if (requested.startsWith("arn:")) {
        throw new PresignRefusal(400, "unknown-runtime", "Name a runtime alias, not an ARN");
      }
      throw new PresignRefusal(400, "unknown-runtime", "Unknown runtime alias");
    },
  };
}
