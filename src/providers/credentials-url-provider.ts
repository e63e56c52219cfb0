import {
  AgentRuntimeClient,
  DEFAULT_PRESIGNED_URL_EXPIRES,
  MAX_PRESIGNED_URL_EXPIRES,
} from "../signing/agent-runtime-client";
import { parseRuntimeArn } from "../signing/arn";
import type { AwsCredentials, AwsCredentialsSource } from "../signing/credentials";
import { AgentRuntimeCredentialsError } from "../signing/errors";
import { AgentRuntimeValidationError } from "../core/errors";
import { queryPairs, type QueryParams } from "../signing/runtime-url";
import { throwIfAborted } from "../core/abort";
import { describeError } from "../core/describe-error";
import { AgentRuntimeProviderError } from "./errors";
import { isValidSessionId } from "../core/session-id";
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
 */
export function validateExpires(expires: number, what: string): number {
  if (!Number.isInteger(expires) || expires < 1 || expires > MAX_PRESIGNED_URL_EXPIRES) {
    throw new AgentRuntimeValidationError(
      `${what} must be a whole number of seconds from 1 to ${MAX_PRESIGNED_URL_EXPIRES}, got ${expires}`,
    );
  }
  return expires;
}

/**
 * A {@link UrlProvider} that presigns in-process with `AgentRuntimeClient`, from credentials the
 * caller holds (a server, a worker, or a browser with temporary credentials). `expiresAt` is
 * the signing time plus `expires`, and never later than the credentials' own `expiration`.
 *
 * Bad static options throw `AgentRuntimeValidationError` at once. Per call it rejects with
 * {@link AgentRuntimeProviderError}: `credentials` (none, or the provider failed: retryable),
 * `invalid-session-id`, `signing`.
 */
export function credentialsUrlProvider(options: CredentialsUrlProviderOptions): UrlProvider {
  const presign = createPresigner(options);
  const credentials = options.credentials;
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
 * The signing half of {@link credentialsUrlProvider}, shared with the Cognito provider: options
 * are validated once; each call signs for `ctx.sessionId` with the credentials it is given.
 */
export function createPresigner(
  options: Omit<CredentialsUrlProviderOptions, "credentials">,
): Presigner {
  const arn = parseRuntimeArn(options.runtimeArn);
  const expires = validateExpires(options.expires ?? DEFAULT_PRESIGNED_URL_EXPIRES, "expires");
  queryPairs(options.customParams);
  const clientOptions = {
    region: options.region ?? arn.region,
    endpoint: options.endpoint,
    now: options.now,
  };
  // Validates region and endpoint now rather than on the first call.
  new AgentRuntimeClient(clientOptions);

  return async (context, credentials, expiresOverride) => {
    throwIfAborted(context.signal);
    if (!isValidSessionId(context.sessionId)) {
      throw new AgentRuntimeProviderError(
        "The session id must be 33-256 visible ASCII characters",
        { code: "invalid-session-id" },
      );
    }
    // Resolve credentials once, so the expiry cap and the signature see the same ones.
    let resolved: AwsCredentials;
    try {
      resolved = typeof credentials === "function" ? await credentials() : credentials;
    } catch (error) {
      throwIfAborted(context.signal);
      throw new AgentRuntimeProviderError(
        `Could not get AWS credentials: ${describeError(error)}`,
        { code: "credentials", cause: error },
      );
    }
    throwIfAborted(context.signal);
    // One instant for the signature and the expiry checks below.
    const signingTime = toMs((options.now ?? Date.now)());
    const client = new AgentRuntimeClient({
      ...clientOptions,
      credentials: resolved,
      now: () => signingTime,
    });
    let presigned;
    try {
      presigned = await client.presign({
        runtimeArn: options.runtimeArn,
        sessionId: context.sessionId,
        endpointName: options.endpointName,
        customParams: options.customParams,
        expires: expiresOverride ?? expires,
      });
    } catch (error) {
      const code = error instanceof AgentRuntimeCredentialsError ? "credentials" : "signing";
      throw new AgentRuntimeProviderError(`Could not presign the URL: ${describeError(error)}`, {
        code,
        cause: error,
      });
    }
    const expiration =
      resolved?.expiration instanceof Date ? resolved.expiration.getTime() : Number.NaN;
    const expiresAt = Number.isFinite(expiration)
      ? Math.min(presigned.expiresAt, expiration)
      : presigned.expiresAt;
    if (expiresAt <= signingTime) {
      throw new AgentRuntimeProviderError("The AWS credentials have already expired", {
        code: "credentials",
      });
    }
    return {
      url: presigned.url,
      expiresAt,
      sessionId: presigned.sessionId,
      signedAt: presigned.signedAt,
    };
  };
}

function toMs(time: Date | number): number {
  return time instanceof Date ? time.getTime() : time;
}
