import { resolveCredentials, type AwsCredentialsSource } from "./credentials";
import { isHeaderSafe } from "./encoding";
import { AgentRuntimeValidationError } from "../core/errors";
import {
  invalidOption,
  optionalFunction,
  optionalString,
  optionsObject,
} from "../core/option-checks";
import { validateRegion } from "./region";
import {
  SESSION_ID_PARAM,
  createTarget,
  mergePairs,
  queryPairs,
  resolveEndpoint,
  runtimePath,
  targetUrl,
  type RuntimeEndpoint,
  type RuntimeTarget,
} from "./runtime-url";
import { presignQuery, signHeaders } from "./sigv4";

import {
  DEFAULT_PRESIGNED_URL_EXPIRES,
  MAX_PRESIGNED_URL_EXPIRES,
  type AgentRuntimeClientOptions,
  type OAuthConnectionOptions,
  type PresignedUrl,
  type PresignedUrlOptions,
  type RuntimeStreamOptions,
  type WsConnection,
} from "./client-options";

// The options and results live in their own file; importers keep finding them here.
export { DEFAULT_PRESIGNED_URL_EXPIRES, MAX_PRESIGNED_URL_EXPIRES };
export type {
  AgentRuntimeClientOptions,
  OAuthConnectionOptions,
  PresignedUrl,
  PresignedUrlOptions,
  RuntimeStreamOptions,
  WsConnection,
};

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
 * @throws {AgentRuntimeValidationError} from the constructor for a bad `endpoint`, or a `now`
 *   or `randomUUID` that is not a function.
 */
export class AgentRuntimeClient {
  /** The validated region. */
  readonly region: string;
  readonly #credentials: AwsCredentialsSource | null | undefined;
  readonly #endpoint: RuntimeEndpoint;
  readonly #now: () => Date | number;
  readonly #randomUUID: () => string;

  constructor(options: AgentRuntimeClientOptions) {
    optionsObject("AgentRuntimeClient", options);
    this.region = validateRegion(options.region);
    this.#endpoint = resolveEndpoint(this.region, options.endpoint);
    // Checked when used, with the SDK's error: `null` or unusable ones are "No AWS credentials found".
    this.#credentials = options.credentials;
    this.#now = optionalFunction("now", options.now) ?? Date.now;
    this.#randomUUID =
      optionalFunction("randomUUID", options.randomUUID) ?? (() => globalThis.crypto.randomUUID());
  }

  /**
   * A presigned `wss://` URL: qualifier, custom parameters, session id, then the SigV4
   * parameters, exactly as the Python SDK's `generate_presigned_url` builds it.
   *
   * @throws {AgentRuntimeValidationError} for `expires` over 300 (the SDK's message), a bad ARN,
   *   a custom parameter that cannot be signed, or a `sessionId` or `endpointName` that is not
   *   a string.
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
    optionsObject("generatePresignedUrl", options);
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
   * @throws {AgentRuntimeValidationError} for a bad ARN, a session id unfit for a header, or an
   *   `endpointName` that is not a string.
   * @throws {AgentRuntimeCredentialsError} when no credentials can be resolved.
   */
  async generateWsConnection(options: RuntimeStreamOptions): Promise<WsConnection> {
    return (await this.generateWsConnectionWithDetails(options)).result;
  }

  /** @internal the header connection and the canonical request that was signed. */
  async generateWsConnectionWithDetails(
    options: RuntimeStreamOptions,
  ): Promise<{ result: WsConnection; canonicalRequest: string }> {
    optionsObject("generateWsConnection", options);
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
   * @throws {AgentRuntimeValidationError} `Bearer token cannot be empty`, a token that is not
   *   a string, or a bad ARN.
   */
  async generateWsConnectionOAuth(options: OAuthConnectionOptions): Promise<WsConnection> {
    optionsObject("generateWsConnectionOAuth", options);
    if (!options.bearerToken) {
      throw new AgentRuntimeValidationError("Bearer token cannot be empty");
    }
    if (typeof options.bearerToken !== "string") {
      throw invalidOption("Bearer token", "a string", options.bearerToken);
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
    const endpointName = optionalString("endpointName", options.endpointName ?? undefined);
    const qualifier: Array<[string, string]> = endpointName ? [["qualifier", endpointName]] : [];
    return createTarget(this.#endpoint, path, mergePairs(qualifier, extra));
  }

  #sessionId(sessionId: string | undefined): string {
    return optionalString("sessionId", sessionId ?? undefined) || this.#randomUUID();
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
