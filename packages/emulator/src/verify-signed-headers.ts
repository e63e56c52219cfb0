import { toClock, type TimeInput } from "./clock";
import {
  credentialLookup,
  type CredentialLookup,
  type CredentialsInput,
  type EmulatorCredentials,
} from "./credentials";
import { independentSigner } from "./independent-signer";
import {
  parseQuery,
  splitHostPort,
  splitRequestTarget,
  type QueryEncoding,
  type QueryParam,
} from "./raw-url";
import { headerValue, type RequestHeaders } from "./request-headers";
import { parseRuntimePath } from "./runtime-path";
import { fail, type SignatureFailure, type SignatureVerification } from "./signature-result";
import {
  checkHeaderToken,
  readAuthorization,
  readSignedHeaderNames,
  recomputedAuthorization,
  type AuthorizationParts,
} from "./signed-headers-auth";
import { constantTimeEqual } from "./sigv4-fields";
import {
  checkRegion,
  expectedRegion,
  readSigningDate,
  resolveSigner,
  type Signer,
} from "./sigv4-scope";
import { DEFAULT_SKEW_MS, SESSION_ID_PARAM } from "./verify-presigned-url";

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
  /**
   * How the query must be spelled: `exact` (the default), as a signer writes it, or `service`,
   * any spelling that decodes to the signed parameters (see `verifyPresignedUrl`).
   */
  queryEncoding?: QueryEncoding;
}

/** @internal options with the credentials already indexed. */
export interface HeaderCheck {
  lookup: CredentialLookup;
  now: () => number;
  region?: string;
  skewMs: number;
  queryEncoding: QueryEncoding;
}

/** @internal */
export function headerCheck(options: VerifySignedHeadersOptions): HeaderCheck {
  return {
    lookup: credentialLookup(options.credentials),
    now: toClock(options.now),
    region: options.region,
    skewMs: options.skewMs ?? DEFAULT_SKEW_MS,
    queryEncoding: options.queryEncoding ?? "exact",
  };
}

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
  const handshake = readHandshake(request, check);
  if (!handshake.ok) return handshake;
  const mismatch = await signAgain(request, handshake);
  if (mismatch) return mismatch;
  const { signedAt, region } = handshake.inputs;
  const skewed = checkSkew(signedAt, check);
  if (skewed) return skewed;
  const params = Object.fromEntries(handshake.query.map((param) => [param.key, param.value]));
  return {
    ok: true,
    runtimeArn: handshake.runtimeArn,
    qualifier: params["qualifier"],
    sessionId: headerValue(request.headers, SESSION_ID_PARAM) ?? params[SESSION_ID_PARAM],
    accessKeyId: handshake.credentials.accessKeyId,
    region,
    signedAt,
    expiresAt: signedAt + check.skewMs,
    params,
  };
}

/** A handshake whose signature inputs all passed their checks. */
interface Handshake {
  ok: true;
  runtimeArn: string;
  path: string;
  query: QueryParam[];
  authorization: AuthorizationParts;
  credentials: EmulatorCredentials;
  inputs: SignedInputs;
}

/** What the signature covers, read from the headers. */
interface SignedInputs {
  ok: true;
  /** The region of the credential scope. */
  region: string;
  /** The `Host` header's host name, without the port. */
  hostname: string;
  signedAt: number;
  token: string | undefined;
  /** The `SignedHeaders` names, in order. */
  signedNames: string[];
  /** The signed headers' values by (lower-case) name. */
  signedValues: Record<string, string>;
}

type Header = (name: string) => string | undefined;

/** Checks everything but the signature itself, in the order the service reports failures. */
function readHandshake(
  request: SignedHeadersRequest,
  check: HeaderCheck,
): Handshake | SignatureFailure {
  const header: Header = (name) => headerValue(request.headers, name);
  const target = splitRequestTarget(request.target);
  if (!target.ok) return fail("malformed", target.reason);
  const route = parseRuntimePath(target.path);
  if (!route.ok) return fail("malformed", route.reason);
  const query = parseQuery(target.rawQuery, check.queryEncoding);
  if (!query.ok) return fail("malformed", query.reason);
  const authorization = readAuthorization(header("authorization"));
  if (!authorization.ok) return authorization;
  const signer = resolveSigner(
    authorization.credential,
    check.lookup,
    "the credential is not {key}/{date}/{region}/{service}/aws4_request",
  );
  if (!signer.ok) return signer;
  const expected = { configuredRegion: check.region, arnRegion: route.arn.region };
  const inputs = readSignedInputs(header, signer, authorization, expected);
  if (!inputs.ok) return inputs;
  return {
    ok: true,
    runtimeArn: route.runtimeArn,
    path: target.path,
    query: query.params,
    authorization,
    credentials: signer.credentials,
    inputs,
  };
}

/** Reads and checks host, region, date, the signed header list and the security token. */
function readSignedInputs(
  header: Header,
  signer: Signer,
  authorization: AuthorizationParts,
  expected: { configuredRegion: string | undefined; arnRegion: string },
): SignedInputs | SignatureFailure {
  const { scope, credentials } = signer;
  const host = header("host");
  if (host === undefined) return fail("malformed", "no Host header");
  const hostParts = splitHostPort(host);
  if (!hostParts.ok) return fail("malformed", hostParts.reason);
  const region = expectedRegion(expected.configuredRegion, hostParts.hostname, expected.arnRegion);
  const wrongRegion = checkRegion(scope, region);
  if (wrongRegion) return wrongRegion;
  const amzDate = header("x-amz-date");
  if (amzDate === undefined) return fail("malformed", "no X-Amz-Date header");
  const date = readSigningDate(amzDate, scope);
  if (!date.ok) return date;
  const signed = readSignedHeaderNames(authorization.signedHeaders);
  if (!signed.ok) return signed;
  const token = header("x-amz-security-token");
  const tokenProblem = checkHeaderToken(token, credentials.sessionToken, signed.names);
  if (tokenProblem) return tokenProblem;
  const signedValues: Record<string, string> = {};
  for (const name of signed.names) {
    const value = header(name);
    if (value === undefined) return fail("malformed", `signed header ${name} is missing`);
    signedValues[name] = value;
  }
  return {
    ok: true,
    region: scope.region,
    hostname: hostParts.hostname,
    signedAt: date.signedAt,
    token,
    signedNames: signed.names,
    signedValues,
  };
}

/**
 * Signs the same request again with the independent signer and compares: the credential and
 * signed header list must match, and the signature (compared in constant time).
 */
async function signAgain(
  request: SignedHeadersRequest,
  handshake: Handshake,
): Promise<SignatureFailure | undefined> {
  const { authorization, inputs } = handshake;
  const signer = independentSigner(handshake.credentials, inputs.token, inputs.region);
  const signed = await signer.sign(
    {
      method: request.method ?? "GET",
      protocol: "https:",
      hostname: inputs.hostname,
      path: handshake.path,
      query: Object.fromEntries(handshake.query.map((param) => [param.key, param.value])),
      headers: inputs.signedValues,
    },
    {
      signingDate: new Date(inputs.signedAt),
      signableHeaders: new Set(inputs.signedNames),
    },
  );
  const expected = recomputedAuthorization(signed.headers["authorization"]);
  if (
    !expected ||
    expected.credential !== authorization.credential ||
    expected.signedHeaders !== authorization.signedHeaders
  ) {
    return fail("signature-mismatch", "the signed headers or credential do not match the request");
  }
  if (!constantTimeEqual(expected.signature, authorization.signature)) {
    return fail("signature-mismatch", "the signature does not match the request");
  }
  return undefined;
}

/** Header signatures have no expiry of their own: `X-Amz-Date` must be within the skew of now. */
function checkSkew(signedAt: number, check: HeaderCheck): SignatureFailure | undefined {
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
  return undefined;
}
