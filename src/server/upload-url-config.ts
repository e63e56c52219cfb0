import { AgentRuntimeValidationError } from "../core/errors";
import { numberOption, wholeNumberInRange } from "../core/number-option";
import {
  invalidOption,
  optionalBoolean,
  optionalFunction,
  optionsObject,
} from "../core/option-checks";
import { credentialsOption, type AwsCredentialsSource } from "../signing/credentials";
import { validateRegion } from "../signing/region";
import { createCorsPolicy, type CorsPolicy } from "./cors";
import { environmentCredentials } from "./environment-credentials";
import { DEFAULT_MAX_BODY_BYTES } from "./handler-config";
import { createLimits, type LimitsConfig } from "./limits-config";
import { createLog } from "./log";
import type { PresignWarningCode } from "./options";
import { DEFAULT_BODY_TIMEOUT_MS } from "./read-body";
import type { UploadUrlHandlerOptions, UploadUrlLogEvent } from "./upload-url-options";

/** Default lifetime of an upload URL, in seconds. */
export const DEFAULT_UPLOAD_URL_EXPIRES = 300;
/** The longest lifetime an upload URL may be given, in seconds. */
export const MAX_UPLOAD_URL_EXPIRES = 3600;
/** Default largest upload: 10 MiB. */
export const DEFAULT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** The largest single `PUT` S3 takes: 5 GiB. */
const S3_MAX_PUT_BYTES = 5 * 1024 ** 3;
/** Default accepted types. */
export const DEFAULT_UPLOAD_ACCEPT: readonly string[] = Object.freeze([
  "image/*",
  "application/pdf",
  "text/plain",
]);

/** The options of `createUploadUrlHandler`, checked, with their defaults. */
export interface UploadUrlConfig extends LimitsConfig {
  authorize: UploadUrlHandlerOptions["authorize"];
  bucket: string;
  region: string;
  endpoint: string | undefined;
  credentials: AwsCredentialsSource;
  accept: readonly string[];
  maxBytes: number;
  expires: number;
  keyPrefix: string;
  objectUrl: ((key: string) => string | undefined) | undefined;
  maxBodyBytes: number;
  bodyTimeoutMs: number;
  cors: CorsPolicy;
  log: (event: UploadUrlLogEvent) => void;
  warnOnce: (code: PresignWarningCode, message: string) => void;
  now: () => number;
  randomUUID: () => string;
}

/** S3's bucket naming rules, loosely: 3-63 lower-case letters, digits, dots and hyphens. */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function checkAuthorize(options: UploadUrlHandlerOptions) {
  const allowAnonymous = optionalBoolean("allowAnonymous", options.allowAnonymous);
  if (options.authorize === undefined && allowAnonymous !== true) {
    throw new AgentRuntimeValidationError(
      "createUploadUrlHandler needs authorize(request) to tell who is asking; pass allowAnonymous: true to serve anyone",
    );
  }
  return optionalFunction("authorize", options.authorize);
}

function checkEndpoint(endpoint: unknown): string | undefined {
  if (endpoint === undefined) return undefined;
  if (typeof endpoint === "string" && /^https?:\/\/[^/?#]+(\/[^?#]*)?$/.test(endpoint)) {
    return endpoint;
  }
  throw invalidOption("endpoint", "an http(s) origin such as http://127.0.0.1:4569", endpoint);
}

function checkAccept(accept: unknown): readonly string[] {
  if (accept === undefined) return DEFAULT_UPLOAD_ACCEPT;
  const entries: unknown[] = Array.isArray(accept) ? accept : [];
  const strings = entries.filter(
    (entry): entry is string => typeof entry === "string" && entry.trim() !== "",
  );
  if (strings.length > 0 && strings.length === entries.length) return Object.freeze(strings);
  throw invalidOption("accept", "a non-empty array of MIME types, families or extensions", accept);
}

function checkPrefix(prefix: unknown): string {
  if (prefix === undefined) return "uploads/";
  if (
    typeof prefix === "string" &&
    /^([A-Za-z0-9._-]+\/)*$/.test(prefix) &&
    !/(^|\/)\.\.?\//.test(prefix)
  ) {
    return prefix;
  }
  throw invalidOption("keyPrefix", "segments of letters, digits, . _ - each ending in /", prefix);
}

function checkLog(log: UploadUrlHandlerOptions["log"]): UploadUrlHandlerOptions["log"] {
  if (log === undefined || log === false || typeof log === "function") return log;
  throw invalidOption("log", "a function (event) => void, or false for no log", log);
}

function toMs(time: number | Date): number {
  return time instanceof Date ? time.getTime() : time;
}

/**
 * Checks every option of `createUploadUrlHandler` at once.
 *
 * @throws {AgentRuntimeValidationError} for any unusable option.
 */
export function createUploadUrlConfig(options: UploadUrlHandlerOptions): UploadUrlConfig {
  optionsObject("createUploadUrlHandler", options);
  const authorize = checkAuthorize(options);
  if (typeof options.bucket !== "string" || !BUCKET.test(options.bucket)) {
    throw invalidOption("bucket", "an S3 bucket name", options.bucket);
  }
  const clock = optionalFunction("now", options.now) ?? Date.now;
  const log = createLog<UploadUrlLogEvent>(checkLog(options.log));
  const warned = new Set<PresignWarningCode>();
  return {
    ...createLimits(options, () => toMs(clock())),
    authorize,
    bucket: options.bucket,
    region: validateRegion(options.region),
    endpoint: checkEndpoint(options.endpoint),
    credentials:
      options.credentials === undefined
        ? environmentCredentials
        : credentialsOption("credentials", options.credentials),
    accept: checkAccept(options.accept),
    maxBytes: wholeNumberInRange("maxBytes", options.maxBytes ?? DEFAULT_UPLOAD_MAX_BYTES, {
      min: 1,
      max: S3_MAX_PUT_BYTES,
      unit: "bytes",
    }),
    expires: wholeNumberInRange("expires", options.expires ?? DEFAULT_UPLOAD_URL_EXPIRES, {
      min: 1,
      max: MAX_UPLOAD_URL_EXPIRES,
      unit: "seconds",
    }),
    keyPrefix: checkPrefix(options.keyPrefix),
    objectUrl: optionalFunction("objectUrl", options.objectUrl),
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
    cors: createCorsPolicy(options.allowedOrigins, options.allowedHeaders),
    log,
    warnOnce: (code, message) => {
      if (warned.has(code)) return;
      warned.add(code);
      log({ type: "warning", code, message });
    },
    now: () => toMs(clock()),
    randomUUID: optionalFunction("randomUUID", options.randomUUID) ?? (() => crypto.randomUUID()),
  };
}
