import type { AwsCredentialsSource } from "./credentials";
import type { QueryParams } from "./runtime-url";

/** What `AgentRuntimeClient` takes and gives: its options and results. */

/** Default lifetime of a presigned URL, in seconds (the SDK's default). */
export const DEFAULT_PRESIGNED_URL_EXPIRES = 300;
/** The longest lifetime AgentCore accepts for a presigned URL, in seconds. */
export const MAX_PRESIGNED_URL_EXPIRES = 300;

/** Options of {@link AgentRuntimeClient}. */
export interface AgentRuntimeClientOptions {
  /** AWS region of the runtime, e.g. `us-west-2`. Validated like the SDK does. */
  region: string;
  /**
   * Static credentials or an async provider, resolved on every call so rotation works.
   * Needed by the SigV4 methods only; the OAuth method does not use them.
   */
  credentials?: AwsCredentialsSource | null;
  /**
   * Overrides the data-plane origin, e.g. `ws://localhost:8787` for a local emulator
   * (what `BEDROCK_AGENTCORE_DP_ENDPOINT` does for the Python SDK).
   */
  endpoint?: string;
  /** The clock used as the signing time. Defaults to `Date.now`. */
  now?: () => Date | number;
  /** Makes session ids when the caller gives none. Defaults to `crypto.randomUUID`. */
  randomUUID?: () => string;
}

/** Which runtime stream to address. */
export interface RuntimeStreamOptions {
  /** `arn:aws:bedrock-agentcore:{region}:{account}:runtime/{id}` */
  runtimeArn: string;
  /** The runtime session id; a random UUID when omitted or empty. */
  sessionId?: string;
  /** The endpoint (alias) to invoke, sent as the `qualifier` query parameter. */
  endpointName?: string;
}

/** Options of {@link AgentRuntimeClient.generatePresignedUrl}. */
export interface PresignedUrlOptions extends RuntimeStreamOptions {
  /** Extra query parameters, signed into the URL in the caller's order. */
  customParams?: QueryParams;
  /** Seconds the URL stays valid: 0 to 300, default 300. */
  expires?: number;
}

/** Options of {@link AgentRuntimeClient.generateWsConnectionOAuth}. */
export interface OAuthConnectionOptions extends RuntimeStreamOptions {
  /** The OAuth access token (usually a JWT) the runtime's authorizer accepts. */
  bearerToken: string;
}

/**
 * A URL and the handshake headers to open it with, e.g. `new WebSocket(url, { headers })`
 * with the `ws` package. The WebSocket library adds `Upgrade`, `Connection`,
 * `Sec-WebSocket-Version` and `Sec-WebSocket-Key` itself, so they are not included.
 */
export interface WsConnection {
  url: string;
  headers: Record<string, string>;
  /** The runtime session id the headers carry. */
  sessionId: string;
}

/** A presigned URL with what a connection needs to know about it. */
export interface PresignedUrl {
  url: string;
  sessionId: string;
  /** Epoch ms after which the service refuses the URL. */
  expiresAt: number;
  /** Epoch ms of the signature's `X-Amz-Date`. */
  signedAt: number;
}
