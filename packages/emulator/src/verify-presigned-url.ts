import type { SignatureV4 } from "@smithy/signature-v4";
import { independentSigner } from "./independent-signer";
import { toClock, type TimeInput } from "./clock";
import { credentialLookup, type CredentialLookup, type CredentialsInput } from "./credentials";
import { parseQuery, parseWebSocketUrl, splitRequestTarget, type QueryParam } from "./raw-url";
import { parseRuntimePath } from "./runtime-path";
import { fail, type SignatureVerification } from "./signature-result";
import {
  SIGNING_SERVICE,
  SIGV4_ALGORITHM,
  constantTimeEqual,
  parseAmzDate,
  parseCredentialScope,
} from "./sigv4-fields";

/** The query parameter (and header) that carries the runtime session id. */
export const SESSION_ID_PARAM = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
/** The longest `X-Amz-Expires` AgentCore accepts, in seconds. */
export const MAX_PRESIGNED_EXPIRES_SECONDS = 300;
/** How far in the future a signature may be dated and still be accepted (clock skew), in ms. */
export const DEFAULT_SKEW_MS = 5 * 60 * 1000;

const AUTH_PARAMS = [
  "X-Amz-Algorithm",
  "X-Amz-Credential",
  "X-Amz-Date",
  "X-Amz-Expires",
  "X-Amz-SignedHeaders",
  "X-Amz-Security-Token",
  "X-Amz-Signature",
] as const;
const AUTH_PARAM_SET = new Set<string>(AUTH_PARAMS);

/** Options of {@link verifyPresignedUrl}. */
export interface VerifyPresignedUrlOptions {
  /** The credentials whose signatures are accepted, found by the URL's access key id. */
  credentials: CredentialsInput;
  /** The verifier's clock (epoch ms, a Date, or a function). Defaults to `Date.now`. */
  now?: TimeInput;
  /**
   * The host the URL must be signed for (its signed `host` header). Defaults to the URL's host
   * without the port, which is what signers sign for a presigned URL. When given, an absolute
   * URL must point at exactly this host; a path-only URL (`/runtimes/...`) needs it.
   */
  host?: string;
  /**
   * The region the signature must be scoped to. Defaults to the region of an AWS data-plane
   * host (`bedrock-agentcore.{region}.amazonaws.com`), else the runtime ARN's region.
   */
  region?: string;
  /** How far in the future `X-Amz-Date` may lie, in ms. Default 300 000 (5 minutes). */
  skewMs?: number;
  /** The largest `X-Amz-Expires` accepted, in seconds. Default 300, the service's maximum. */
  maxExpiresSeconds?: number;
}

/** @internal options with the credentials already indexed. */
export interface PresignedCheck {
  lookup: CredentialLookup;
  now: () => number;
  region?: string;
  skewMs: number;
  maxExpiresSeconds: number;
}

/**
 * Verifies a SigV4-presigned AgentCore WebSocket URL the way the service does: it rebuilds the
 * signed request (GET, the path as sent, the decoded query without `X-Amz-Signature`, the
 * `host` header), signs it again with `@smithy/signature-v4` using the credentials of the URL's
 * access key, its `X-Amz-Date` and `X-Amz-Expires`, and compares signatures in constant time.
 * Then the URL must be valid now: not past `X-Amz-Date` + `X-Amz-Expires` (inclusive), and not
 * dated more than `skewMs` ahead.
 *
 * It is strict where the service is lenient: the URL must be written exactly as a signer
 * writes it (canonical percent-encoding, no duplicate parameters), so any changed byte fails.
 *
 * Never throws for a bad URL: the result says why it was refused.
 */
export async function verifyPresignedUrl(
  url: string,
  options: VerifyPresignedUrlOptions,
): Promise<SignatureVerification> {
  if (typeof url !== "string") return fail("malformed", "the URL must be a string");
  let hostname: string;
  let target: { path: string; rawQuery: string };
  if (url.startsWith("/")) {
    if (!options.host) return fail("malformed", "a path-only URL needs the host option");
    const split = splitRequestTarget(url);
    if (!split.ok) return fail("malformed", split.reason);
    hostname = options.host;
    target = split;
  } else {
    const parsed = parseWebSocketUrl(url);
    if (!parsed.ok) return fail("malformed", parsed.reason);
    if (options.host !== undefined && parsed.hostname !== options.host) {
      return fail("host-mismatch", `the URL points at ${parsed.hostname}, not ${options.host}`);
    }
    hostname = parsed.hostname;
    target = parsed;
  }
  return verifyPresignedTarget({ hostname, ...target }, presignedCheck(options));
}

/** @internal */
export function presignedCheck(options: VerifyPresignedUrlOptions): PresignedCheck {
  return {
    lookup: credentialLookup(options.credentials),
    now: toClock(options.now),
    region: options.region,
    skewMs: options.skewMs ?? DEFAULT_SKEW_MS,
    maxExpiresSeconds: options.maxExpiresSeconds ?? MAX_PRESIGNED_EXPIRES_SECONDS,
  };
}

/** True when the query carries SigV4 query authentication. */
export function hasPresignedParams(rawQuery: string): boolean {
  return /(^|&)X-Amz-(Signature|Credential|Algorithm)=/i.test(rawQuery);
}

/**
 * @internal Verifies a presigned request target (`path?query`) for the host it was sent to;
 * the emulator calls this with the request's `Host` header.
 */
export async function verifyPresignedTarget(
  request: { hostname: string; path: string; rawQuery: string },
  check: PresignedCheck,
): Promise<SignatureVerification> {
  const route = parseRuntimePath(request.path);
  if (!route.ok) return fail("malformed", route.reason);
  const query = parseQuery(request.rawQuery);
  if (!query.ok) return fail("malformed", query.reason);
  const auth = authParams(query.params);
  if (!auth["X-Amz-Signature"] && !auth["X-Amz-Credential"] && !auth["X-Amz-Algorithm"]) {
    return fail("missing-auth", "the URL carries no SigV4 query parameters");
  }
  for (const name of [
    "X-Amz-Algorithm",
    "X-Amz-Credential",
    "X-Amz-Date",
    "X-Amz-Expires",
    "X-Amz-SignedHeaders",
    "X-Amz-Signature",
  ] as const) {
    if (auth[name] === undefined) return fail("malformed", `the URL has no ${name}`);
  }
  if (auth["X-Amz-Algorithm"] !== SIGV4_ALGORITHM) {
    return fail("unsupported-algorithm", `X-Amz-Algorithm must be ${SIGV4_ALGORITHM}`);
  }
  const scope = parseCredentialScope(auth["X-Amz-Credential"] as string);
  if (!scope)
    return fail(
      "malformed",
      "X-Amz-Credential is not {key}/{date}/{region}/{service}/aws4_request",
    );
  const credentials = check.lookup(scope.accessKeyId);
  if (!credentials) return fail("unknown-access-key", `unknown access key ${scope.accessKeyId}`);
  if (scope.service !== SIGNING_SERVICE) {
    return fail(
      "wrong-service",
      `signed for service ${scope.service}, expected ${SIGNING_SERVICE}`,
    );
  }
  const region = check.region ?? awsHostRegion(request.hostname) ?? route.arn.region;
  if (scope.region !== region) {
    return fail("wrong-region", `signed for region ${scope.region}, expected ${region}`);
  }
  const amzDate = auth["X-Amz-Date"] as string;
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined)
    return fail("malformed", "X-Amz-Date is not a valid yyyyMMddTHHmmssZ date");
  if (scope.date !== amzDate.slice(0, 8)) {
    return fail("malformed", "the credential scope date differs from X-Amz-Date");
  }
  const expiresText = auth["X-Amz-Expires"] as string;
  if (!/^(0|[1-9]\d{0,9})$/.test(expiresText)) {
    return fail("malformed", "X-Amz-Expires is not a whole number of seconds");
  }
  const expires = Number(expiresText);
  if (expires > check.maxExpiresSeconds) {
    return fail(
      "expires-too-long",
      `X-Amz-Expires ${expires} is over the maximum of ${check.maxExpiresSeconds}`,
    );
  }
  if (auth["X-Amz-SignedHeaders"] !== "host") {
    return fail("unsupported-signed-headers", "a presigned URL must sign exactly the host header");
  }
  const token = auth["X-Amz-Security-Token"];
  if (token !== credentials.sessionToken) {
    return fail(
      "security-token-mismatch",
      credentials.sessionToken === undefined
        ? "the URL carries a security token but the credentials have none"
        : token === undefined
          ? "the URL lacks the security token of temporary credentials"
          : "the security token is not the credentials' token",
    );
  }

  const unsigned = query.params.filter((param) => !AUTH_PARAM_SET.has(param.key));
  const signer = independentSigner(credentials, token, scope.region);
  let presigned: Awaited<ReturnType<SignatureV4["presign"]>>;
  try {
    presigned = await signer.presign(
      {
        method: "GET",
        protocol: "https:",
        hostname: request.hostname,
        path: request.path,
        query: Object.fromEntries(unsigned.map((param) => [param.key, param.value])),
        headers: { host: request.hostname },
      },
      { signingDate: new Date(signedAt), expiresIn: expires },
    );
  } catch (error) {
    return fail("malformed", `the URL cannot be signed again: ${String(error)}`);
  }
  const signedQuery = presigned.query ?? {};
  for (const name of AUTH_PARAMS) {
    if (name === "X-Amz-Signature") continue;
    if (signedQuery[name] !== auth[name]) {
      return fail("malformed", `${name} is not written the way a signer writes it`);
    }
  }
  if (
    !constantTimeEqual(String(signedQuery["X-Amz-Signature"]), auth["X-Amz-Signature"] as string)
  ) {
    return fail("signature-mismatch", "the signature does not match the request");
  }

  const expiresAt = signedAt + expires * 1000;
  const now = check.now();
  if (now > expiresAt) {
    return fail(
      "expired",
      `the URL expired at ${new Date(expiresAt).toISOString()} (now ${new Date(now).toISOString()})`,
    );
  }
  if (signedAt - now > check.skewMs) {
    return fail(
      "not-yet-valid",
      `the URL is dated ${new Date(signedAt).toISOString()}, more than ${check.skewMs} ms ahead of ${new Date(now).toISOString()}`,
    );
  }
  const params = Object.fromEntries(unsigned.map((param) => [param.key, param.value]));
  return {
    ok: true,
    runtimeArn: route.runtimeArn,
    qualifier: params["qualifier"],
    sessionId: params[SESSION_ID_PARAM],
    accessKeyId: credentials.accessKeyId,
    region: scope.region,
    signedAt,
    expiresAt,
    params,
  };
}

function authParams(
  params: readonly QueryParam[],
): Partial<Record<(typeof AUTH_PARAMS)[number], string>> {
  const found: Partial<Record<(typeof AUTH_PARAMS)[number], string>> = {};
  for (const param of params) {
    if (AUTH_PARAM_SET.has(param.key))
      found[param.key as (typeof AUTH_PARAMS)[number]] = param.value;
  }
  return found;
}

/** The region of `bedrock-agentcore.{region}.amazonaws.com`, else `undefined`. */
export function awsHostRegion(hostname: string): string | undefined {
  return /^bedrock-agentcore\.([a-z0-9-]+)\.amazonaws\.com$/.exec(hostname)?.[1];
}
