import { resolveCredentials, type AwsCredentialsSource } from "./credentials";
import { isHeaderSafe } from "./encoding";
import { AgentRuntimeValidationError } from "../core/errors";
import { validateRegion } from "./region";
import {
  SESSION_ID_PARAM,
  createTarget,
  mergePairs,
  queryPairs,
  resolveEndpoint,
  runtimePath,
  targetUrl,
  type QueryParams,
  type RuntimeEndpoint,
  type RuntimeTarget,
} from "./runtime-url";
import { presignQuery, signHeaders } from "./sigv4";

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

const SIGV4_USER_AGENT = "AgentCoreRuntimeClient/1.0";
const OAUTH_USER_AGENT = "OAuth-WebSocket-Client/1.0";

/**
 * Authenticates WebSocket connections to AgentCore Runtime, with the behaviour of the Python
 * SDK's `AgentCoreRuntimeClient`: the same URLs, headers, checks and error messages.
 *
 * - {@link generatePresignedUrl}: SigV4 query auth, for browsers (`new WebSocket(url)`).
 * - {@link generateWsConnection}: SigV4 header auth, for servers (Node `ws`).
 * - {@link generateWsConnectionOAuth}: OAuth bearer header auth, for servers.
 *
 * @throws {AgentRuntimeInvalidRegionError} from the constructor for a malformed region.
 */
export class AgentRuntimeClient {
  /** The validated region. */
  readonly region: string;
  readonly #credentials: AwsCredentialsSource | null | undefined;
  readonly #endpoint: RuntimeEndpoint;
  readonly #now: () => Date | number;
  readonly #randomUUID: () => string;

  constructor(options: AgentRuntimeClientOptions) {
    this.region = validateRegion(options.region);
    this.#endpoint = resolveEndpoint(this.region, options.endpoint);
    this.#credentials = options.credentials;
    this.#now = options.now ?? Date.now;
    this.#randomUUID = options.randomUUID ?? (() => globalThis.crypto.randomUUID());
  }

  /**
   * A presigned `wss://` URL: qualifier, custom parameters, session id, then the SigV4
   * parameters, exactly as the Python SDK's `generate_presigned_url` builds it.
   *
   * @throws {AgentRuntimeValidationError} for `expires` over 300 (the SDK's message), a bad ARN,
   *   or a custom parameter that cannot be signed.
   * @throws {AgentRuntimeCredentialsError} when no credentials can be resolved.
   */
  async generatePresignedUrl(options: PresignedUrlOptions): Promise<string> {
    return (await this.presign(options)).url;
  }

  /** Like {@link generatePresignedUrl}, also telling the session id and when the URL expires. */
  async presign(options: PresignedUrlOptions): Promise<PresignedUrl> {
    return (await this.presignWithDetails(options)).result;
  }

  /** @internal the presigned URL and the canonical request that was signed. */
  async presignWithDetails(
    options: PresignedUrlOptions,
  ): Promise<{ result: PresignedUrl; canonicalRequest: string }> {
    const expires = options.expires ?? DEFAULT_PRESIGNED_URL_EXPIRES;
    if (expires > MAX_PRESIGNED_URL_EXPIRES) {
      throw new AgentRuntimeValidationError(
        `Expiry timeout cannot exceed ${MAX_PRESIGNED_URL_EXPIRES} seconds, got ${expires}`,
      );
    }
    if (!Number.isInteger(expires) || expires < 0) {
      throw new AgentRuntimeValidationError(
        `Expiry timeout must be a whole number of seconds from 0 to ${MAX_PRESIGNED_URL_EXPIRES}, got ${expires}`,
      );
    }
    const path = runtimePath(options.runtimeArn);
    const sessionId = this.#sessionId(options.sessionId);
    const target = this.#target(path, options, [
      ...queryPairs(options.customParams),
      [SESSION_ID_PARAM, sessionId],
    ]);
    const credentials = await resolveCredentials(this.#credentials);
    const signingDate = this.#signingDate();
    const { authParams, canonicalRequest } = await presignQuery({
      credentials,
      region: this.region,
      // The SDK signs the bare hostname here, without a port.
      host: this.#endpoint.hostname,
      path: target.path,
      query: target.query,
      signingDate,
      expiresIn: expires,
    });
    const signedAt = wholeSeconds(signingDate);
    return {
      result: {
        url: targetUrl(target, authParams),
        sessionId,
        signedAt,
        expiresAt: signedAt + expires * 1000,
      },
      canonicalRequest,
    };
  }

  /**
   * A URL and SigV4-signed headers, as the SDK's `generate_ws_connection` returns them
   * (`host;x-amz-date[;x-amz-security-token]` signed; the session id header unsigned).
   *
   * @throws {AgentRuntimeValidationError} for a bad ARN or a session id unfit for a header.
   * @throws {AgentRuntimeCredentialsError} when no credentials can be resolved.
   */
  async generateWsConnection(options: RuntimeStreamOptions): Promise<WsConnection> {
    return (await this.generateWsConnectionWithDetails(options)).result;
  }

  /** @internal the header connection and the canonical request that was signed. */
  async generateWsConnectionWithDetails(
    options: RuntimeStreamOptions,
  ): Promise<{ result: WsConnection; canonicalRequest: string }> {
    const target = this.#target(runtimePath(options.runtimeArn), options, []);
    const sessionId = this.#headerSessionId(options.sessionId);
    const credentials = await resolveCredentials(this.#credentials);
    const signed = await signHeaders({
      credentials,
      region: this.region,
      host: this.#endpoint.host,
      path: target.path,
      query: target.query,
      signingDate: this.#signingDate(),
    });
    const headers: Record<string, string> = {
      Host: this.#endpoint.host,
      "X-Amz-Date": signed.amzDate,
      Authorization: signed.authorization,
    };
    if (credentials.sessionToken) headers["X-Amz-Security-Token"] = credentials.sessionToken;
    headers[SESSION_ID_PARAM] = sessionId;
    headers["User-Agent"] = SIGV4_USER_AGENT;
    return {
      result: { url: targetUrl(target), headers, sessionId },
      canonicalRequest: signed.canonicalRequest,
    };
  }

  /**
   * A URL and OAuth headers, as the SDK's `generate_ws_connection_oauth` returns them.
   * In a browser, use {@link bearerSubprotocols} instead: browsers cannot set headers.
   *
   * @throws {AgentRuntimeValidationError} `Bearer token cannot be empty`, or for a bad ARN.
   */
  async generateWsConnectionOAuth(options: OAuthConnectionOptions): Promise<WsConnection> {
    if (!options.bearerToken) {
      throw new AgentRuntimeValidationError("Bearer token cannot be empty");
    }
    const target = this.#target(runtimePath(options.runtimeArn), options, []);
    if (!isHeaderSafe(options.bearerToken)) {
      throw new AgentRuntimeValidationError(
        "Bearer token must be printable ASCII to travel in an Authorization header",
      );
    }
    const sessionId = this.#headerSessionId(options.sessionId);
    return {
      url: targetUrl(target),
      headers: {
        Authorization: `Bearer ${options.bearerToken}`,
        [SESSION_ID_PARAM]: sessionId,
        Host: this.#endpoint.host,
        "User-Agent": OAUTH_USER_AGENT,
      },
      sessionId,
    };
  }

  #target(
    path: string,
    options: RuntimeStreamOptions,
    extra: Array<[string, string]>,
  ): RuntimeTarget {
    const qualifier: Array<[string, string]> = options.endpointName
      ? [["qualifier", options.endpointName]]
      : [];
    return createTarget(this.#endpoint, path, mergePairs(qualifier, extra));
  }

  #sessionId(sessionId: string | undefined): string {
    return sessionId ? sessionId : this.#randomUUID();
  }

  #headerSessionId(sessionId: string | undefined): string {
    const id = this.#sessionId(sessionId);
    if (!isHeaderSafe(id)) {
      throw new AgentRuntimeValidationError(
        "Session id must be printable ASCII to travel in a header",
      );
    }
    return id;
  }

  #signingDate(): Date {
    const now = this.#now();
    return now instanceof Date ? now : new Date(now);
  }
}

function wholeSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000) * 1000;
}
