import {
  AgentRuntimeClient,
  DEFAULT_PRESIGNED_URL_EXPIRES,
  MAX_PRESIGNED_URL_EXPIRES,
  type PresignedUrl,
  type PresignedUrlOptions,
} from "../signing/agent-runtime-client";
import {
  credentialsOption,
  type AwsCredentials,
  type AwsCredentialsSource,
} from "../signing/credentials";
import { AgentRuntimeCredentialsError } from "../signing/errors";
import { queryPairs, type QueryParams } from "../signing/runtime-url";
import { throwIfAborted } from "../core/abort";
import { describeError } from "../core/describe-error";
import { wholeNumberInRange } from "../core/number-option";
import { optionalFunction, optionsObject } from "../core/option-checks";
import { AgentRuntimeProviderError } from "./errors";
import { checkRuntimeLocation, requireValidSessionId } from "./runtime-location";
import type { PresignedConnection, UrlProvider, UrlProviderContext } from "./types";

/** Options of {@link credentialsUrlProvider}. */
export interface CredentialsUrlProviderOptions {
  /** The runtime's region. Defaults to the region in `runtimeArn`. */
  region?: string;
  /** `arn:aws:bedrock-agentcore:{region}:{account}:runtime/{id}` */
  runtimeArn: string;
  /** Static credentials or an async provider (called for every URL, so rotation works). */
  credentials: AwsCredentialsSource;
  /** The runtime endpoint (alias) to invoke, sent as `qualifier`. */
  endpointName?: string;
  /** Extra query parameters signed into the URL, in order. */
  customParams?: QueryParams;
  /** Seconds each URL stays valid: 1 to 300, default 300. */
  expires?: number;
  /** Overrides the data-plane origin, e.g. `ws://127.0.0.1:8787` for a local emulator. */
  endpoint?: string;
  /** The signing clock. Defaults to `Date.now`. */
  now?: () => Date | number;
}

/**
 * Checks `expires` the way the presign handler and providers share: a whole number of seconds
 * from 1 to 300.
 *
 * @throws {AgentRuntimeValidationError} `<what> must be a whole number of seconds from 1 to
 *   300 (got <value>)`.
 */
export function validateExpires(expires: number, what: string): number {
  return wholeNumberInRange(what, expires, {
    min: 1,
    max: MAX_PRESIGNED_URL_EXPIRES,
    unit: "seconds",
  });
}

/**
 * A {@link UrlProvider} that presigns in-process with `AgentRuntimeClient`, from credentials the
 * caller holds (a server, a worker, or a browser with temporary credentials). `expiresAt` is
 * the signing time plus `expires`, and never later than the credentials' own `expiration`.
 *
 * Per call it rejects with {@link AgentRuntimeProviderError}: `credentials` (none, or the
 * provider failed: retryable), `invalid-session-id`, `signing`.
 *
 * @throws {AgentRuntimeValidationError} at once for unusable options: a bad ARN, region,
 *   endpoint, `expires` or custom parameter, `credentials` that are neither an object nor a
 *   function, or an option of the wrong kind.
 */
export function credentialsUrlProvider(options: CredentialsUrlProviderOptions): UrlProvider {
  optionsObject("credentialsUrlProvider", options);
  const credentials = credentialsOption("credentialsUrlProvider credentials", options.credentials);
  const presign = createPresigner(options, "credentialsUrlProvider");
  return async (context) => withoutSigningTime(await presign(context, credentials));
}

/** A presigned connection with the signing time (epoch ms, whole seconds) by the signer's clock. */
export type SignedConnection = PresignedConnection & { signedAt: number };

/** The connection without `signedAt`: in-process signing shares the connection's clock. */
export function withoutSigningTime(signed: SignedConnection): PresignedConnection {
  const { signedAt: _signedAt, ...connection } = signed;
  return connection;
}

/**
 * Signs one URL for `context.sessionId` with `credentials`; `expires` (seconds) overrides the
 * presigner's default.
 */
export type Presigner = (
  context: UrlProviderContext,
  credentials: AwsCredentialsSource,
  expires?: number,
) => Promise<SignedConnection>;

/**
 * The signing half of {@link credentialsUrlProvider}, shared with the Cognito provider and the
 * presign handler (`owner` names the one whose options these are in error messages): options
 * are validated once; each call signs for `ctx.sessionId` with the credentials it is given.
 *
 * @throws {AgentRuntimeValidationError} for unusable options.
 */
export function createPresigner(
  options: Omit<CredentialsUrlProviderOptions, "credentials">,
  owner: string,
): Presigner {
  const { region } = checkRuntimeLocation(owner, options);
  const expires = validateExpires(options.expires ?? DEFAULT_PRESIGNED_URL_EXPIRES, "expires");
  queryPairs(options.customParams);
  const now = optionalFunction(`${owner} now`, options.now) ?? Date.now;

  return async (context, credentials, expiresOverride) => {
    throwIfAborted(context.signal);
    requireValidSessionId(context.sessionId);
    // Resolve credentials once, so the expiry cap and the signature see the same ones.
    const resolved = await resolveForSigning(credentials, context.signal);
    throwIfAborted(context.signal);
    // One instant for the signature and the expiry checks below.
    const signingTime = toMs(now());
    const client = new AgentRuntimeClient({
      region,
      endpoint: options.endpoint,
      credentials: resolved,
      now: () => signingTime,
    });
    const presigned = await presignOrFail(client, {
      runtimeArn: options.runtimeArn,
      sessionId: context.sessionId,
      endpointName: options.endpointName,
      customParams: options.customParams,
      expires: expiresOverride ?? expires,
    });
    return {
      url: presigned.url,
      expiresAt: expiryWithinCredentials(presigned.expiresAt, resolved, signingTime),
      sessionId: presigned.sessionId,
      signedAt: presigned.signedAt,
    };
  };
}

/** The credentials to sign with, or a `credentials` provider error when the source fails. */
async function resolveForSigning(
  credentials: AwsCredentialsSource,
  signal: AbortSignal,
): Promise<AwsCredentials> {
  try {
    return typeof credentials === "function" ? await credentials() : credentials;
  } catch (error) {
    throwIfAborted(signal);
    throw new AgentRuntimeProviderError(`Could not get AWS credentials: ${describeError(error)}`, {
      code: "credentials",
      cause: error,
    });
  }
}

/** The presigned URL, or a `credentials` / `signing` provider error. */
async function presignOrFail(
  client: AgentRuntimeClient,
  request: PresignedUrlOptions,
): Promise<PresignedUrl> {
  try {
    return await client.presign(request);
  } catch (error) {
    const code = error instanceof AgentRuntimeCredentialsError ? "credentials" : "signing";
    throw new AgentRuntimeProviderError(`Could not presign the URL: ${describeError(error)}`, {
      code,
      cause: error,
    });
  }
}

/**
 * The URL's expiry, never later than the credentials' own `expiration`.
 *
 * @throws {AgentRuntimeProviderError} `credentials` when that leaves no time at all.
 */
function expiryWithinCredentials(
  urlExpiresAt: number,
  credentials: AwsCredentials,
  signingTime: number,
): number {
  const expiration =
    credentials.expiration instanceof Date ? credentials.expiration.getTime() : Number.NaN;
  const expiresAt = Number.isFinite(expiration) ? Math.min(urlExpiresAt, expiration) : urlExpiresAt;
  if (expiresAt <= signingTime) {
    throw new AgentRuntimeProviderError("The AWS credentials have already expired", {
      code: "credentials",
    });
  }
  return expiresAt;
}

function toMs(time: Date | number): number {
  return time instanceof Date ? time.getTime() : time;
}
