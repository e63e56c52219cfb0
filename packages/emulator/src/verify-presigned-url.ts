import { toClock, type TimeInput } from "./clock";
import {
  credentialLookup,
  type CredentialLookup,
  type CredentialsInput,
  type EmulatorCredentials,
} from "./credentials";
import { independentSigner } from "./independent-signer";
import {
  AUTH_PARAMS,
  isAuthParam,
  readExpires,
  readPresignedAuth,
  type PresignedAuth,
} from "./presigned-params";
import {
  parseQuery,
  parseWebSocketUrl,
  splitRequestTarget,
  type QueryEncoding,
  type QueryParam,
} from "./raw-url";
import { parseRuntimePath } from "./runtime-path";
import { fail, type SignatureFailure, type SignatureVerification } from "./signature-result";
import { constantTimeEqual } from "./sigv4-fields";
import { checkRegion, expectedRegion, readSigningDate, resolveSigner } from "./sigv4-scope";

/** The query parameter (and header) that carries the runtime session id. */
export const SESSION_ID_PARAM = "X-Amzn-Bedrock-AgentCore-Runtime-Session-Id";
/** The longest `X-Amz-Expires` AgentCore accepts, in seconds. */
export const MAX_PRESIGNED_EXPIRES_SECONDS = 300;
/** How far in the future a signature may be dated and still be accepted (clock skew), in ms. */
export const DEFAULT_SKEW_MS = 5 * 60 * 1000;

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
  /**
   * How the query must be spelled. `exact` (the default): as a SigV4 signer writes it, so any
   * changed character fails, which is how a test checks a signer. `service`: any spelling
   * that decodes to the signed parameters, as the service reads it (the emulator's choice).
   */
  queryEncoding?: QueryEncoding;
}

/** @internal options with the credentials already indexed. */
export interface PresignedCheck {
  lookup: CredentialLookup;
  now: () => number;
  region?: string;
  skewMs: number;
  maxExpiresSeconds: number;
  queryEncoding: QueryEncoding;
}

/**
 * Verifies a SigV4-presigned AgentCore WebSocket URL the way the service does: it rebuilds the
 * signed request (GET, the path as sent, the decoded query without `X-Amz-Signature`, the
 * `host` header), signs it again with `@smithy/signature-v4` using the credentials of the URL's
 * access key, its `X-Amz-Date` and `X-Amz-Expires`, and compares signatures in constant time.
 * Then the URL must be valid now: not past `X-Amz-Date` + `X-Amz-Expires` (inclusive), and not
 * dated more than `skewMs` ahead.
 *
 * By default it is strict where the service is lenient: the URL must be written exactly as a
 * signer writes it (canonical percent-encoding), so any changed byte fails. With
 * `queryEncoding: "service"` it reads the query as the service does: each key and value is
 * decoded and signed again in canonical encoding, so any spelling of the signed parameters
 * passes (e.g. `!'()*` left raw, as `encodeURIComponent` writes them) and any changed value
 * fails. Either way duplicate parameters and a raw `+` are refused.
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
    queryEncoding: options.queryEncoding ?? "exact",
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
  const query = parseQuery(request.rawQuery, check.queryEncoding);
  if (!query.ok) return fail("malformed", query.reason);
  const auth = readPresignedAuth(query.params);
  if (!auth.ok) return auth;
  const signer = resolveSigner(
    auth.credential,
    check.lookup,
    "X-Amz-Credential is not {key}/{date}/{region}/{service}/aws4_request",
  );
  if (!signer.ok) return signer;
  const { scope, credentials } = signer;
  const region = expectedRegion(check.region, request.hostname, route.arn.region);
  const wrongRegion = checkRegion(scope, region);
  if (wrongRegion) return wrongRegion;
  const date = readSigningDate(auth.amzDate, scope);
  if (!date.ok) return date;
  const expires = readExpires(auth.expires, check.maxExpiresSeconds);
  if (!expires.ok) return expires;
  if (auth.signedHeaders !== "host") {
    return fail("unsupported-signed-headers", "a presigned URL must sign exactly the host header");
  }
  const tokenMismatch = checkToken(auth.token, credentials.sessionToken);
  if (tokenMismatch) return tokenMismatch;
  const unsigned = query.params.filter((param) => !isAuthParam(param.key));
  const signing = { credentials, auth, region: scope.region, signedAt: date.signedAt };
  const mismatch = await signAgain(request, unsigned, signing, expires.seconds);
  if (mismatch) return mismatch;
  const expiresAt = date.signedAt + expires.seconds * 1000;
  const tooEarlyOrLate = checkValidity(date.signedAt, expiresAt, check);
  if (tooEarlyOrLate) return tooEarlyOrLate;
  const params = Object.fromEntries(unsigned.map((param) => [param.key, param.value]));
  return {
    ok: true,
    runtimeArn: route.runtimeArn,
    qualifier: params["qualifier"],
    sessionId: params[SESSION_ID_PARAM],
    accessKeyId: credentials.accessKeyId,
    region: scope.region,
    signedAt: date.signedAt,
    expiresAt,
    params,
  };
}

/** A presigned URL must carry exactly the security token of temporary credentials, or none. */
function checkToken(
  token: string | undefined,
  expected: string | undefined,
): SignatureFailure | undefined {
  if (token === expected) return undefined;
  return fail(
    "security-token-mismatch",
    expected === undefined
      ? "the URL carries a security token but the credentials have none"
      : token === undefined
        ? "the URL lacks the security token of temporary credentials"
        : "the security token is not the credentials' token",
  );
}

/** What the URL was signed with, as far as the signature check needs it. */
interface Signing {
  credentials: EmulatorCredentials;
  auth: PresignedAuth;
  region: string;
  signedAt: number;
}

/**
 * Presigns the same request again with the independent signer and compares: every SigV4
 * parameter must be written as the signer writes it, and the signature must match (compared
 * in constant time).
 */
async function signAgain(
  request: { hostname: string; path: string },
  unsigned: readonly QueryParam[],
  signing: Signing,
  expiresIn: number,
): Promise<SignatureFailure | undefined> {
  const { credentials, auth } = signing;
  const signer = independentSigner(credentials, auth.token, signing.region);
  let signedQuery: Record<string, unknown>;
  try {
    const presigned = await signer.presign(
      {
        method: "GET",
        protocol: "https:",
        hostname: request.hostname,
        path: request.path,
        query: Object.fromEntries(unsigned.map((param) => [param.key, param.value])),
        headers: { host: request.hostname },
      },
      { signingDate: new Date(signing.signedAt), expiresIn },
    );
    signedQuery = presigned.query ?? {};
  } catch (error) {
    return fail("malformed", `the URL cannot be signed again: ${String(error)}`);
  }
  for (const name of AUTH_PARAMS) {
    if (name === "X-Amz-Signature") continue;
    if (signedQuery[name] !== auth.params[name]) {
      return fail("malformed", `${name} is not written the way a signer writes it`);
    }
  }
  if (!constantTimeEqual(String(signedQuery["X-Amz-Signature"]), auth.signature)) {
    return fail("signature-mismatch", "the signature does not match the request");
  }
  return undefined;
}

/** The URL must be valid now: not past its expiry, and not dated more than the skew ahead. */
function checkValidity(
  signedAt: number,
  expiresAt: number,
  check: PresignedCheck,
): SignatureFailure | undefined {
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
  return undefined;
}
