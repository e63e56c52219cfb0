import type { AwsCredentialsSource } from "../signing/credentials";
import type { ClientAddressOption } from "./client-address";
import type { AllowedOrigins } from "./cors";
import type { FailureAnswer } from "./failure";
import type { RateLimitStore } from "./rate-limit-store";
import type { RateLimitOptions } from "./rate-limiter";
import type { PresignErrorCode } from "./refusal";
import type { SessionSecret } from "./session-binding";

/** Who is asking, as the app's `authorize` establishes it. */
export interface PresignPrincipal {
  /** A stable id of the caller (user id, subject): session ids are bound to it. */
  principal: string;
}

/**
 * An app-defined session policy: return the runtime session id to sign for this principal,
 * or `null` to refuse (403). `requestedId` is what the client sent, if anything.
 */
export type SessionIdPolicy = (
  requestedId: string | undefined,
  principal: string,
) => string | null | Promise<string | null>;

/** One runtime a client may name by alias. */
export interface RuntimeTargetOptions {
  runtimeArn: string;
  /** The runtime endpoint (alias) to invoke, sent as `qualifier`. */
  endpointName?: string;
}

/** Something about the handler's setup worth fixing, logged once per handler. */
export type PresignWarningCode = "no-client-address" | "forwarded-for-ignored";

/**
 * What the `log` hook receives. It never holds URLs, signatures or credentials. `clientAddress`
 * is the address the rate limits use (an IPv6 client as its /64), when known.
 */
export type PresignLogEvent =
  | { type: "minted"; principal: string; runtime: string; sessionId: string; expiresAt: number }
  | {
      type: "refused";
      status: number;
      code: PresignErrorCode;
      principal?: string;
      clientAddress?: string;
    }
  | {
      type: "failed";
      status: FailureAnswer["status"];
      code: FailureAnswer["code"];
      principal?: string;
      clientAddress?: string;
      /** What went wrong: a copy of the error with every secret redacted from its texts. */
      error: Error;
    }
  | { type: "warning"; code: PresignWarningCode; message: string };

/** Options of `createPresignHandler`. */
export interface PresignHandlerOptions {
  /** Region to sign for. Defaults to each runtime ARN's own region. */
  region?: string;
  /** The one runtime this handler serves. Give this or `runtimes`. */
  runtimeArn?: string;
  /** The endpoint (alias) of `runtimeArn` to invoke, sent as `qualifier`. */
  endpointName?: string;
  /**
   * An allowlist of runtimes by alias: the client names an alias (`{ runtime: "support" }`),
   * never an ARN. Give this or `runtimeArn`.
   */
  runtimes?: Readonly<Record<string, string | RuntimeTargetOptions>>;
  /**
   * Static credentials or an async provider (e.g. `fromNodeProviderChain()`), resolved for
   * every URL. Default: `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`.
   */
  credentials?: AwsCredentialsSource;
  /**
   * Decides who the caller is, e.g. from a session cookie or an `Authorization` header;
   * `null` answers 401. Required unless `allowAnonymous` is `true`. Do not read the body here.
   */
  authorize?: (
    request: Request,
  ) => PresignPrincipal | null | undefined | Promise<PresignPrincipal | null | undefined>;
  /** Serve everyone as one principal, `"anonymous"`, without `authorize`. Off by default. */
  allowAnonymous?: boolean;
  /** Lifetime of each URL in seconds, 1-300 (default 300). A client may ask for less. */
  expires?: number;
  /** Browser origins allowed to call (CORS). Without it, no CORS headers are sent. */
  allowedOrigins?: AllowedOrigins;
  /** Request headers a CORS preflight allows. Default `authorization`, `content-type`. */
  allowedHeaders?: readonly string[];
  /**
   * At most `max` requests per principal per `windowMs`; with `allowAnonymous`, per client
   * address. Off by default.
   */
  rateLimit?: RateLimitOptions;
  /**
   * A limit per client address that runs before `authorize`, so that a flood of bad tokens
   * never reaches it: requests that `authorize` accepts give their count back, so in effect it
   * counts failed (and still running) authorizations. Default `{ max: 100, windowMs: 60_000 }`;
   * `false` turns it off. Not used with `allowAnonymous` (there is no `authorize`).
   */
  preAuthRateLimit?: RateLimitOptions | false;
  /**
   * Where rate-limit counts live. Default: `memoryRateLimitStore()`, this process only; give a
   * shared store (e.g. `redisRateLimitStore(client)`) so that every instance shares the limits.
   */
  rateLimitStore?: RateLimitStore;
  /**
   * The address a request came from, for runtimes where the handler cannot see the socket
   * (Lambda, workers, Deno): e.g. `(request) => addresses.get(request)`. `toNodeHandler`
   * supplies the socket's address itself. The result is the peer: with `trustProxy`, the
   * handler reads `X-Forwarded-For` past it.
   */
  clientAddress?: ClientAddressOption;
  /**
   * How many proxies (load balancers, CDNs) stand in front of this server and append to
   * `X-Forwarded-For`: the client address is the entry that many places from the right.
   * Default `false`: the header is never read, since any client can write it.
   */
  trustProxy?: number | false;
  /** `"bound"` (default): session ids bound to principals with an HMAC. Or an app policy. */
  sessionIds?: "bound" | SessionIdPolicy;
  /**
   * The HMAC key(s) of `"bound"` session ids, at least 32 bytes; the first signs, all verify.
   * Default: random per process, so a restart (or another instance) cannot resume sessions.
   */
  sessionSecret?: SessionSecret | readonly SessionSecret[];
  /** Overrides the data-plane origin, e.g. `ws://127.0.0.1:8787` for a local emulator. */
  endpoint?: string;
  /** Largest request body accepted, in bytes. Default 4096. */
  maxBodyBytes?: number;
  /**
   * Longest time, in ms, for the whole body to arrive once the handler starts reading it
   * (after `authorize`); a slower body is answered 408 and the connection closed. Default
   * 10,000.
   */
  bodyTimeoutMs?: number;
  /**
   * Receives one event per request (and a few warnings); never URLs, signatures or
   * credentials. Default: refusals printed with `console.info`, warnings with `console.warn`,
   * failures with their redacted cause with `console.error`; minted URLs are not printed.
   * `false` prints nothing.
   */
  log?: ((event: PresignLogEvent) => void) | false;
  /** The clock for signing and rate limiting. Defaults to `Date.now`. */
  now?: () => number | Date;
}
