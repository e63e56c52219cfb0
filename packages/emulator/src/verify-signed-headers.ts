import { independentSigner } from "./independent-signer";
import { toClock, type TimeInput } from "./clock";
import { credentialLookup, type CredentialLookup, type CredentialsInput } from "./credentials";
import { parseQuery, splitHostPort, splitRequestTarget } from "./raw-url";
import { parseRuntimePath } from "./runtime-path";
import { fail, type SignatureVerification } from "./signature-result";
import {
  SIGNING_SERVICE,
  SIGV4_ALGORITHM,
  constantTimeEqual,
  parseAmzDate,
  parseCredentialScope,
} from "./sigv4-fields";
import { DEFAULT_SKEW_MS, SESSION_ID_PARAM, awsHostRegion } from "./verify-presigned-url";

/** Header values as Node's `IncomingMessage.headers` holds them (names lower-case). */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The handshake request to verify. */
export interface SignedHeadersRequest {
  /** Default `GET`, the WebSocket handshake's method. */
  method?: string;
  /** The request target as sent: path and query, e.g. `/runtimes/arn%3A.../ws?qualifier=DEFAULT`. */
  target: string;
  /** The request headers; names are matched case-insensitively. */
  headers: RequestHeaders;
}

/** Options of {@link verifySignedHeaders}. */
export interface VerifySignedHeadersOptions {
  /** The credentials whose signatures are accepted, found by the access key id. */
  credentials: CredentialsInput;
  /** The verifier's clock (epoch ms, a Date, or a function). Defaults to `Date.now`. */
  now?: TimeInput;
  /**
   * The region the signature must be scoped to. Defaults to the region of an AWS data-plane
   * `Host`, else the runtime ARN's region.
   */
  region?: string;
  /** How far `X-Amz-Date` may be from now, either way, in ms. Default 300 000 (5 minutes). */
  skewMs?: number;
}

/** @internal options with the credentials already indexed. */
export interface HeaderCheck {
  lookup: CredentialLookup;
  now: () => number;
  region?: string;
  skewMs: number;
}

/** @internal */
export function headerCheck(options: VerifySignedHeadersOptions): HeaderCheck {
  return {
    lookup: credentialLookup(options.credentials),
    now: toClock(options.now),
    region: options.region,
    skewMs: options.skewMs ?? DEFAULT_SKEW_MS,
  };
}

const AUTHORIZATION_PATTERN =
  /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([a-z0-9;_-]+),\s*Signature=([0-9a-f]{64})$/;

/**
 * Verifies SigV4 header authentication of a WebSocket handshake, as Node clients send it
 * (`Authorization`, `X-Amz-Date`, `X-Amz-Security-Token` for temporary credentials). The signed
 * headers must include `host` (with the port, as sent) and `x-amz-date`, plus
 * `x-amz-security-token` when the credentials are temporary; other signed headers are checked
 * too. The session id comes from the unsigned `X-Amzn-Bedrock-AgentCore-Runtime-Session-Id`
 * header (or the query). `X-Amz-Date` must be within `skewMs` of now, either way.
 *
 * Recomputes the signature with `@smithy/signature-v4` and compares in constant time. Never
 * throws for a bad request: the result says why it was refused.
 */
export async function verifySignedHeaders(
  request: SignedHeadersRequest,
  options: VerifySignedHeadersOptions,
): Promise<SignatureVerification> {
  return verifySignedHeadersWith(request, headerCheck(options));
}

/** @internal */
export async function verifySignedHeadersWith(
  request: SignedHeadersRequest,
  check: HeaderCheck,
): Promise<SignatureVerification> {
  const header = (name: string): string | undefined => headerValue(request.headers, name);
  const target = splitRequestTarget(request.target);
  if (!target.ok) return fail("malformed", target.reason);
  const route = parseRuntimePath(target.path);
  if (!route.ok) return fail("malformed", route.reason);
  const query = parseQuery(target.rawQuery);
  if (!query.ok) return fail("malformed", query.reason);

  const authorization = header("authorization");
  if (authorization === undefined) return fail("missing-auth", "no Authorization header");
  if (!authorization.startsWith(`${SIGV4_ALGORITHM} `)) {
    return fail("unsupported-algorithm", `the Authorization header is not ${SIGV4_ALGORITHM}`);
  }
  const match = AUTHORIZATION_PATTERN.exec(authorization);
  if (!match)
    return fail(
      "malformed",
      "the Authorization header is not Credential=..., SignedHeaders=..., Signature=...",
    );
  const [, credential, signedHeaderList, signature] = match as unknown as [
    string,
    string,
    string,
    string,
  ];
  const scope = parseCredentialScope(credential);
  if (!scope)
    return fail("malformed", "the credential is not {key}/{date}/{region}/{service}/aws4_request");
  const credentials = check.lookup(scope.accessKeyId);
  if (!credentials) return fail("unknown-access-key", `unknown access key ${scope.accessKeyId}`);
  if (scope.service !== SIGNING_SERVICE) {
    return fail(
      "wrong-service",
      `signed for service ${scope.service}, expected ${SIGNING_SERVICE}`,
    );
  }
  const host = header("host");
  if (host === undefined) return fail("malformed", "no Host header");
  const hostParts = splitHostPort(host);
  if (!hostParts.ok) return fail("malformed", hostParts.reason);
  const region = check.region ?? awsHostRegion(hostParts.hostname) ?? route.arn.region;
  if (scope.region !== region) {
    return fail("wrong-region", `signed for region ${scope.region}, expected ${region}`);
  }
  const amzDate = header("x-amz-date");
  if (amzDate === undefined) return fail("malformed", "no X-Amz-Date header");
  const signedAt = parseAmzDate(amzDate);
  if (signedAt === undefined)
    return fail("malformed", "X-Amz-Date is not a valid yyyyMMddTHHmmssZ date");
  if (scope.date !== amzDate.slice(0, 8)) {
    return fail("malformed", "the credential scope date differs from X-Amz-Date");
  }
  const signedNames = signedHeaderList.split(";");
  const sorted = [...signedNames].sort();
  if (sorted.join(";") !== signedHeaderList || new Set(signedNames).size !== signedNames.length) {
    return fail("malformed", "SignedHeaders must be sorted and unique");
  }
  if (!signedNames.includes("host") || !signedNames.includes("x-amz-date")) {
    return fail("unsupported-signed-headers", "the signature must cover host and x-amz-date");
  }
  const token = header("x-amz-security-token");
  if (token !== credentials.sessionToken) {
    return fail("security-token-mismatch", "the security token does not match the credentials");
  }
  if (token !== undefined && !signedNames.includes("x-amz-security-token")) {
    return fail("unsupported-signed-headers", "the security token must be signed");
  }
  const signedValues: Record<string, string> = {};
  for (const name of signedNames) {
    const value = header(name);
    if (value === undefined) return fail("malformed", `signed header ${name} is missing`);
    signedValues[name] = value;
  }

  const signer = independentSigner(credentials, token, scope.region);
  const signed = await signer.sign(
    {
      method: request.method ?? "GET",
      protocol: "https:",
      hostname: hostParts.hostname,
      path: target.path,
      query: Object.fromEntries(query.params.map((param) => [param.key, param.value])),
      headers: signedValues,
    },
    { signingDate: new Date(signedAt), signableHeaders: new Set(signedNames) },
  );
  const expected = AUTHORIZATION_PATTERN.exec(String(signed.headers["authorization"]));
  if (!expected || expected[1] !== credential || expected[2] !== signedHeaderList) {
    return fail("signature-mismatch", "the signed headers or credential do not match the request");
  }
  if (!constantTimeEqual(expected[3] as string, signature)) {
    return fail("signature-mismatch", "the signature does not match the request");
  }

  const now = check.now();
  if (now - signedAt > check.skewMs) {
    return fail(
      "expired",
      `the signature is dated ${new Date(signedAt).toISOString()}, more than ${check.skewMs} ms before ${new Date(now).toISOString()}`,
    );
  }
  if (signedAt - now > check.skewMs) {
    return fail(
      "not-yet-valid",
      `the signature is dated ${new Date(signedAt).toISOString()}, more than ${check.skewMs} ms ahead of ${new Date(now).toISOString()}`,
    );
  }
  const params = Object.fromEntries(query.params.map((param) => [param.key, param.value]));
  return {
    ok: true,
    runtimeArn: route.runtimeArn,
    qualifier: params["qualifier"],
    sessionId: header(SESSION_ID_PARAM.toLowerCase()) ?? params[SESSION_ID_PARAM],
    accessKeyId: credentials.accessKeyId,
    region: scope.region,
    signedAt,
    expiresAt: signedAt + check.skewMs,
    params,
  };
}

/** A header's value by case-insensitive name; repeated headers are joined with `,`. */
export function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() !== lower || value === undefined) continue;
    return typeof value === "string" ? value : value.join(",");
  }
  return undefined;
}
