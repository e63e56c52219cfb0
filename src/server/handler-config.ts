import { numberOption } from "../core/number-option";
import { AgentRuntimeValidationError } from "../core/errors";
import {
  invalidOption,
  optionalBoolean,
  optionalFunction,
  optionsObject,
} from "../core/option-checks";
import { createPresigner, validateExpires } from "../providers/credentials-url-provider";
import { MAX_PRESIGNED_URL_EXPIRES } from "../signing/agent-runtime-client";
import { credentialsOption, type AwsCredentialsSource } from "../signing/credentials";
import { validateRegion } from "../signing/region";
import { createCorsPolicy, type CorsPolicy } from "./cors";
import { environmentCredentials } from "./environment-credentials";
import type { PresignHandlerOptions, PresignLogEvent, PresignWarningCode } from "./options";
import { DEFAULT_BODY_TIMEOUT_MS } from "./read-body";
import { createLog, type LogOption } from "./log";
import { createLimits, type LimitsConfig } from "./limits-config";
import { createRuntimeRegistry, type RuntimeRegistry } from "./runtime-registry";
import { resolveSessionPolicy, type SessionPolicy } from "./session-policy";

/** Default largest request body, in bytes. */
export const DEFAULT_MAX_BODY_BYTES = 4096;

/** The options of `createPresignHandler`, checked, with their defaults, ready to serve. */
export interface HandlerConfig extends LimitsConfig {
  /** `undefined` when `allowAnonymous` serves everyone as one principal. */
  authorize: PresignHandlerOptions["authorize"];
  maxBodyBytes: number;
  /** Longest time to receive the body, in ms. */
  bodyTimeoutMs: number;
  /** The longest URL lifetime a client may ask for, in seconds. */
  expires: number;
  runtimes: RuntimeRegistry;
  credentials: AwsCredentialsSource;
  cors: CorsPolicy;
  sessionPolicy: SessionPolicy;
  /** The log: the console by default, the `log` hook made safe, or nothing (`log: false`). */
  log: (event: PresignLogEvent) => void;
  /** Logs a warning the first time it is given, never again. */
  warnOnce: (code: PresignWarningCode, message: string) => void;
}

/**
 * Checks every option of `createPresignHandler` at once and builds what serving needs: the
 * runtimes with their presigners, CORS, the rate limiter and the session policy.
 *
 * @throws {AgentRuntimeValidationError} for any unusable option.
 */
export function createHandlerConfig(options: PresignHandlerOptions): HandlerConfig {
  optionsObject("createPresignHandler", options);
  const authorize = checkAuthorize(options);
  const expires = validateExpires(options.expires ?? MAX_PRESIGNED_URL_EXPIRES, "expires");
  const region = options.region === undefined ? undefined : validateRegion(options.region);
  const clock = optionalFunction("now", options.now) ?? Date.now;
  const runtimes = createRuntimeRegistry(options, (target) =>
    createPresigner(
      { ...target, region, endpoint: options.endpoint, expires, now: clock },
      "createPresignHandler",
    ),
  );
  const log = createLog(checkLog(options.log));
  const warned = new Set<PresignWarningCode>();
  return {
    ...createLimits(options, () => toMs(clock())),
    authorize,
    maxBodyBytes: numberOption(
      "maxBodyBytes",
      options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      "a whole number >= 1",
    ),
    bodyTimeoutMs: numberOption(
      "bodyTimeoutMs",
      options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
      "a finite number > 0",
    ),
    expires,
    runtimes,
    credentials:
      options.credentials === undefined
        ? environmentCredentials
        : credentialsOption("credentials", options.credentials),
    cors: createCorsPolicy(options.allowedOrigins, options.allowedHeaders),
    sessionPolicy: resolveSessionPolicy(options),
    log,
    warnOnce: (code, message) => {
      if (warned.has(code)) return;
      warned.add(code);
      log({ type: "warning", code, message });
    },
  };
}

function checkAuthorize(options: PresignHandlerOptions): PresignHandlerOptions["authorize"] {
  const allowAnonymous = optionalBoolean("allowAnonymous", options.allowAnonymous);
  const { authorize } = options;
  if (authorize === undefined && allowAnonymous !== true) {
    throw new AgentRuntimeValidationError(
      "createPresignHandler needs authorize(request) to tell who is asking; pass allowAnonymous: true to serve anyone",
    );
  }
  return optionalFunction("authorize", authorize);
}

function checkLog(log: LogOption): LogOption {
  if (log === undefined || log === false || typeof log === "function") return log;
  throw invalidOption("log", "a function (event) => void, or false for no log", log);
}

function toMs(time: number | Date): number {
  return time instanceof Date ? time.getTime() : time;
}
