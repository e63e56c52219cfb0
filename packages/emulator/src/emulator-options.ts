import type { AgentOption } from "./agents";
import type { BearerTokensOption } from "./bearer-auth";
import type { EmulatorTimers, TimeInput } from "./clock";
import { isSendableCloseCode } from "./close-codes";
import type { ConnectionLimits } from "./connection";
import type { CredentialsInput } from "./credentials";
import { FaultCommandError, type FaultOptions } from "./fault-types";
import { FaultController } from "./faults";
import {
  resolveForward,
  type ForwardOption,
  type ResolvedForward,
} from "./forward/forward-options";
import { EmulatorOptionsError } from "./options-error";

/** The service's limits, configurable so tests can use small values. */
export interface EmulatorLimits {
  /** Largest frame from a client, in bytes; a bigger one closes the stream with 1009. Default 32 768. */
  maxFrameBytes?: number;
  /** Close a stream after this long without a data frame either way. Default 900 000 (15 min). */
  idleTimeoutMs?: number;
  /** Close a stream this long after it opened. Default 3 600 000 (60 min). */
  maxStreamMs?: number;
  /** The close code of the idle timeout. Default 1001 (going away). */
  idleCloseCode?: number;
  /** The close code at the end of the stream lifetime. Default 1001 (going away). */
  maxStreamCloseCode?: number;
}

/** Options of {@link startEmulator}. */
export interface EmulatorOptions {
  /** TCP port; 0 (the default) lets the OS pick a free one. */
  port?: number;
  /** Interface to listen on. Default `127.0.0.1`. The control endpoint always answers loopback only. */
  host?: string;
  /** The region the emulator serves; signatures must be scoped to it. Default `us-west-2`. */
  region?: string;
  /** Credentials whose SigV4 signatures are accepted. Needed unless only bearer tokens are used. */
  credentials?: CredentialsInput;
  /** OAuth bearer tokens accepted (header or subprotocol), or a function that decides. */
  bearerTokens?: BearerTokensOption;
  /** `echo` (default), `streaming`, `ag-ui`, `voice`, or your own handler. Not with `forward`. */
  agent?: AgentOption;
  /**
   * Your own agent container instead of a built-in agent, e.g. `"http://127.0.0.1:8080"`: each
   * authenticated upgrade is proxied to its `/ws`, with the session id and custom headers the
   * service adds, after a `GET /ping`. Not with `agent`.
   */
  forward?: ForwardOption;
  limits?: EmulatorLimits;
  /** Faults armed from the start (they can be changed at runtime through `emulator.faults`). */
  faults?: FaultOptions;
  /** The emulator's base clock (epoch ms, Date or function). Default `Date.now`. */
  now?: TimeInput;
  /** Run the emulator clock this far ahead of `now` (negative: behind), in ms. Default 0. */
  clockSkewMs?: number;
  /** How far in the future a signature may be dated (and, for header signing, in the past). Default 300 000. */
  signatureSkewMs?: number;
  /** Receives a one-line, secret-free description of every upgrade attempt and close. */
  log?: (line: string) => void;
  /** Timer functions, e.g. manual ones to drive time in tests. Default: the platform's. */
  timers?: EmulatorTimers;
  /** Browser origins besides loopback ones that may call the control endpoint, or `*`. */
  controlOrigins?: readonly string[] | "*";
  /** How many events the log keeps. Default 10 000. */
  maxEvents?: number;
}

/** Every limit, defaults filled in. */
export type ResolvedLimits = ConnectionLimits & { maxFrameBytes: number };

/** Options checked, with the defaults of the settings the server reads directly. */
export interface ResolvedOptions {
  options: EmulatorOptions;
  port: number;
  host: string;
  region: string;
  limits: ResolvedLimits;
  /** The agent container to forward to, if any. */
  forward: ResolvedForward | undefined;
}

const DEFAULT_LIMITS: ResolvedLimits = {
  maxFrameBytes: 32 * 1024,
  idleTimeoutMs: 15 * 60 * 1000,
  maxStreamMs: 60 * 60 * 1000,
  idleCloseCode: 1001,
  maxStreamCloseCode: 1001,
};

/**
 * Checks the options of `startEmulator` and fills in defaults.
 *
 * @throws {EmulatorOptionsError} for a bad option.
 */
export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  if (!options || typeof options !== "object")
    throw new EmulatorOptionsError("startEmulator needs an options object");
  checkAuthGiven(options);
  const region = options.region ?? "us-west-2";
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
    throw new EmulatorOptionsError(`Invalid region ${JSON.stringify(region)}`);
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new EmulatorOptionsError(`Invalid port ${port}`);
  if (options.clockSkewMs !== undefined && !Number.isFinite(options.clockSkewMs))
    throw new EmulatorOptionsError(
      `clockSkewMs must be a finite number, got ${options.clockSkewMs}`,
    );
  const limits = resolveLimits(options.limits ?? {});
  checkBearerTokens(options.bearerTokens);
  if (options.forward !== undefined && options.agent !== undefined)
    throw new EmulatorOptionsError("Give agent or forward, not both: forward runs your own agent");
  const forward = options.forward === undefined ? undefined : resolveForward(options.forward);
  return { options, port, host: options.host ?? "127.0.0.1", region, limits, forward };
}

function checkAuthGiven(options: EmulatorOptions): void {
  if (!options.credentials && !options.bearerTokens) {
    throw new EmulatorOptionsError(
      "startEmulator needs credentials (for SigV4), bearerTokens (for OAuth), or both",
    );
  }
}

function checkBearerTokens(bearer: BearerTokensOption | undefined): void {
  if (bearer !== undefined && typeof bearer !== "function" && !Array.isArray(bearer)) {
    throw new EmulatorOptionsError("bearerTokens must be a list of tokens or a function");
  }
}

function resolveLimits(given: EmulatorLimits): ResolvedLimits {
  const limits: ResolvedLimits = {
    maxFrameBytes: given.maxFrameBytes ?? DEFAULT_LIMITS.maxFrameBytes,
    idleTimeoutMs: given.idleTimeoutMs ?? DEFAULT_LIMITS.idleTimeoutMs,
    maxStreamMs: given.maxStreamMs ?? DEFAULT_LIMITS.maxStreamMs,
    idleCloseCode: given.idleCloseCode ?? DEFAULT_LIMITS.idleCloseCode,
    maxStreamCloseCode: given.maxStreamCloseCode ?? DEFAULT_LIMITS.maxStreamCloseCode,
  };
  for (const key of ["maxFrameBytes", "idleTimeoutMs", "maxStreamMs"] as const) {
    const value = limits[key];
    if (!Number.isInteger(value) || value < 1)
      throw new EmulatorOptionsError(
        `limits.${key} must be a whole number of at least 1, got ${value}`,
      );
  }
  for (const key of ["idleCloseCode", "maxStreamCloseCode"] as const) {
    if (!isSendableCloseCode(limits[key]))
      throw new EmulatorOptionsError(
        `limits.${key} ${limits[key]} is not a close code a server can send`,
      );
  }
  return limits;
}

/**
 * The fault controller armed with the `faults` option.
 *
 * @throws {EmulatorOptionsError} for a bad fault option.
 */
export function faultsFromOptions(
  init: ConstructorParameters<typeof FaultController>[0],
): FaultController {
  try {
    return new FaultController(init);
  } catch (error) {
    if (!(error instanceof FaultCommandError)) throw error;
    throw new EmulatorOptionsError(`Invalid faults option: ${error.message}`, { cause: error });
  }
}
