import { optionalString } from "../core/option-checks";
import { isValidSessionId } from "../core/session-id";
import { parseRuntimeArn } from "../signing/arn";
import { validateRegion } from "../signing/region";
import {
  resolveEndpoint,
  runtimePath,
  targetUrl,
  type RuntimeEndpoint,
} from "../signing/runtime-url";
import { AgentRuntimeProviderError } from "./errors";

/** The options every in-process provider shares: which runtime, and where to reach it. */
export interface RuntimeLocationOptions {
  /** The runtime's region. Defaults to the region in `runtimeArn`. */
  region?: string;
  /** `arn:aws:bedrock-agentcore:{region}:{account}:runtime/{id}` */
  runtimeArn: string;
  /** The runtime endpoint (alias) to invoke, sent as `qualifier`. */
  endpointName?: string;
  /** Overrides the data-plane origin, e.g. `ws://127.0.0.1:8787` for a local emulator. */
  endpoint?: string;
}

/** Those options checked: everything a provider needs to build the runtime's URL. */
export interface RuntimeLocation {
  region: string;
  endpoint: RuntimeEndpoint;
  /** `/runtimes/{encoded ARN}/ws` */
  path: string;
  /** The `qualifier` query pair, or none. */
  qualifier: Array<[string, string]>;
}

/**
 * Checks the runtime options of the provider `owner` at creation, so a mistake fails at once
 * rather than on every URL: the ARN, the region (the ARN's unless given), the endpoint and an
 * `endpointName` that must be a string that can be encoded.
 *
 * @throws {AgentRuntimeValidationError} (or its subclass `AgentRuntimeInvalidRegionError`).
 */
export function checkRuntimeLocation(
  owner: string,
  options: RuntimeLocationOptions,
): RuntimeLocation {
  const arn = parseRuntimeArn(options.runtimeArn);
  // `undefined` alone means "the ARN's region": a `null` region is a mistake, not a default.
  const region = validateRegion(options.region === undefined ? arn.region : options.region);
  const endpoint = resolveEndpoint(region, options.endpoint);
  const endpointName = optionalString(`${owner} endpointName`, options.endpointName);
  const qualifier: Array<[string, string]> = endpointName ? [["qualifier", endpointName]] : [];
  const path = runtimePath(options.runtimeArn);
  targetUrl({ endpoint, path, query: qualifier });
  return { region, endpoint, path, qualifier };
}

/**
 * Refuses, per call, a session id the runtime would not take.
 *
 * @throws {AgentRuntimeProviderError} with `code: "invalid-session-id"`.
 */
export function requireValidSessionId(sessionId: string): void {
  if (!isValidSessionId(sessionId)) {
    throw new AgentRuntimeProviderError("The session id must be 33-256 visible ASCII characters", {
      code: "invalid-session-id",
    });
  }
}
