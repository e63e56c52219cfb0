import type { AwsCredentialsSource } from "../signing/credentials";
import type { ClientAddressOption } from "./client-address";
import type { AllowedOrigins } from "./cors";
import type { FailureAnswer } from "./failure";
import type { PresignHandlerOptions, PresignWarningCode } from "./options";
import type { RateLimitStore } from "./rate-limit-store";
import type { RateLimitOptions } from "./rate-limiter";
import type { UploadUrlErrorCode } from "./refusal";

/**
 * What the upload-URL handler's `log` hook receives: like the presign handler's events, never
 * URLs, signatures or credentials.
 */
export type UploadUrlLogEvent =
  | {
      type: "minted";
      principal: string;
      /** The object key the URL may write. */
      key: string;
      contentType: string;
      size: number;
      expiresAt: number;
    }
  | {
      type: "refused";
      status: number;
      code: UploadUrlErrorCode;
      principal?: string;
      clientAddress?: string;
    }
  | {
      type: "failed";
      status: FailureAnswer["status"];
      code: FailureAnswer["code"];
      principal?: string;
      clientAddress?: string;
      error: Error;
    }
  | { type: "warning"; code: PresignWarningCode; message: string };

/** Options of `createUploadUrlHandler`. */
export interface UploadUrlHandlerOptions {
  /** The bucket uploads go to. */
  bucket: string;
  /** The bucket's region, e.g. `us-east-1`. */
  region: string;
  /**
   * An S3-compatible origin, addressed path-style (`http://127.0.0.1:4569/<bucket>/<key>`).
   * Default: the bucket's virtual-hosted AWS origin.
   */
  endpoint?: string;
  /**
   * Static credentials or an async provider, resolved for every URL; they need `s3:PutObject`
   * on the prefix. Default: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`.
   */
  credentials?: AwsCredentialsSource;
  /**
   * Decides who the caller is; `null` answers 401. Required unless `allowAnonymous` is `true`.
   * Keys are scoped by the principal it returns. Do not read the body here.
   */
  authorize?: PresignHandlerOptions["authorize"];
  /** Serve everyone as one principal, `"anonymous"`, without `authorize`. Off by default. */
  allowAnonymous?: boolean;
  /**
   * Types a file may have: MIME types, families (`image/*`) or extensions (`.csv`, matched on
   * the name). Default `["image/*", "application/pdf", "text/plain"]`. The URL signs the type.
   */
  accept?: readonly string[];
  /** Largest file in bytes, signed into the URL as its `Content-Length`. Default 10 MiB. */
  maxBytes?: number;
  /** Lifetime of each URL in seconds, 1-3600 (default 300). A client may ask for less. */
  expires?: number;
  /** Start of every key. Default `uploads/`; keys are `<prefix><principal>/<uuid>/<name>`. */
  keyPrefix?: string;
  /**
   * The URL the agent reads an object at, sent back as the reference's `url` (e.g. a CDN
   * origin). Default: none, the reference carries the `key` only.
   */
  objectUrl?: (key: string) => string | undefined;
  /** Browser origins allowed to call (CORS). Without it, no CORS headers are sent. */
  allowedOrigins?: AllowedOrigins;
  /** Request headers a CORS preflight allows. Default `authorization`, `content-type`. */
  allowedHeaders?: readonly string[];
  /** At most `max` requests per principal per `windowMs`. Off by default. */
  rateLimit?: RateLimitOptions;
  /** Limit per client address before `authorize`, as in `createPresignHandler`. */
  preAuthRateLimit?: RateLimitOptions | false;
  /** Where rate-limit counts live. Default: this process's memory. */
  rateLimitStore?: RateLimitStore;
  /** The client address of a request, for runtimes where the handler cannot see the socket. */
  clientAddress?: ClientAddressOption;
  /** How many proxies in front append to `X-Forwarded-For`. Default `false`. */
  trustProxy?: number | false;
  /** Largest request body accepted, in bytes. Default 4096. */
  maxBodyBytes?: number;
  /** Longest time, in ms, for the whole body to arrive. Default 10,000. */
  bodyTimeoutMs?: number;
  /**
   * Receives one event per request; never URLs, signatures or credentials. Default: refusals
   * with `console.info`, warnings with `console.warn`, failures with `console.error`; minted
   * URLs are not printed. `false` prints nothing.
   */
  log?: ((event: UploadUrlLogEvent) => void) | false;
  /** The clock for signing and rate limiting. Defaults to `Date.now`. */
  now?: () => number | Date;
  /** Makes the unique part of each key. Defaults to `crypto.randomUUID`. */
  randomUUID?: () => string;
}
