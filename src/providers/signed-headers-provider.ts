import { AgentRuntimeClient } from "../signing/agent-runtime-client";
import { credentialsOption, type AwsCredentialsSource } from "../signing/credentials";
import { AgentRuntimeCredentialsError } from "../signing/errors";
import { throwIfAborted } from "../core/abort";
import { describeError } from "../core/describe-error";
import { optionalFunction, optionsObject } from "../core/option-checks";
import { AgentRuntimeProviderError } from "./errors";
import { checkRuntimeLocation } from "./runtime-location";
import type { UrlProvider } from "./types";

/** How long a header signature is reused for new sockets: well inside SigV4's clock window. */
export const SIGNED_HEADERS_REUSE_MS = 300_000;

/** Options of {@link signedHeadersProvider}. */
export interface SignedHeadersProviderOptions {
  /** The runtime's region. Defaults to the region in `runtimeArn`. */
  region?: string;
  runtimeArn: string;
  /** Static credentials or an async provider (called for every connection, so rotation works). */
  credentials: AwsCredentialsSource;
  /** The runtime endpoint (alias) to invoke, sent as `qualifier`. */
  endpointName?: string;
  /** Overrides the data-plane origin, e.g. `ws://127.0.0.1:8787` for a local emulator. */
  endpoint?: string;
  /** The signing clock. Defaults to `Date.now`. */
  now?: () => Date | number;
}

/**
 * A {@link UrlProvider} for Node clients: SigV4 header authentication, as
 * `AgentRuntimeClient.generateWsConnection` makes it, handed to the connection as
 * `PresignedConnection.headers`. Use it with `new AgentRuntimeConnection({ WebSocket }` from
 * the `ws` package, which sends them; browsers cannot send headers, so use a presigned URL there.
 *
 * Per call it rejects with {@link AgentRuntimeProviderError}: `credentials`, `signing`.
 *
 * @throws {AgentRuntimeValidationError} at once for unusable options: a bad ARN, region or
 *   endpoint, `credentials` that are neither an object nor a function, or an option of the
 *   wrong kind.
 */
export function signedHeadersProvider(options: SignedHeadersProviderOptions): UrlProvider {
  optionsObject("signedHeadersProvider", options);
  const { region } = checkRuntimeLocation("signedHeadersProvider", options);
  credentialsOption("signedHeadersProvider credentials", options.credentials);
  const now = optionalFunction("signedHeadersProvider now", options.now) ?? Date.now;
  return async (context) => {
    throwIfAborted(context.signal);
    const signedAt = Number(now());
    const client = new AgentRuntimeClient({
      region,
      endpoint: options.endpoint,
      credentials: options.credentials,
      now: () => signedAt,
    });
    try {
      const { url, headers, sessionId } = await client.generateWsConnection({
        runtimeArn: options.runtimeArn,
        sessionId: context.sessionId,
        endpointName: options.endpointName,
      });
      return { url, headers, sessionId, expiresAt: signedAt + SIGNED_HEADERS_REUSE_MS };
    } catch (error) {
      const code = error instanceof AgentRuntimeCredentialsError ? "credentials" : "signing";
      throw new AgentRuntimeProviderError(
        `Could not sign the connection: ${describeError(error)}`,
        {
          code,
          cause: error,
        },
      );
    }
  };
}
